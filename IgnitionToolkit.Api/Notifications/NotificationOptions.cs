using System.Globalization;

namespace IgnitionToolkit.Api.Notifications;

/// <summary>Section <c>Toolkit:Notifications</c> (docs/configuration.md, docs/operations.md "Notifications").</summary>
/// <param name="WebBaseUrl">The Web's public address, for the links in notifications (e.g. <c>https://toolkit.example.com/</c>); unset: no links.</param>
/// <param name="MaxRetries">Retries after the first attempt, on 5xx, 408, 429, timeouts and connection errors (0-10, default 4).</param>
/// <param name="RetryDelay">First backoff delay, doubled per retry with jitter (default 2 s).</param>
/// <param name="AttemptTimeout">One attempt's limit (default 10 s).</param>
/// <param name="DeliveryLogDays">Deliveries older than this are removed by the retention job (default 30; 0: kept).</param>
public sealed record NotificationOptions(Uri? WebBaseUrl, int MaxRetries, TimeSpan RetryDelay, TimeSpan AttemptTimeout, double DeliveryLogDays)
{
    public const string Section = "Toolkit:Notifications";
    public const string WebBaseUrlKey = Section + ":WebBaseUrl";
    public const string MaxRetriesKey = Section + ":MaxRetries";
    public const string RetryDelayKey = Section + ":RetryDelay";
    public const string AttemptTimeoutKey = Section + ":AttemptTimeout";
    public const string DeliveryLogDaysKey = Section + ":DeliveryLogDays";

    /// <summary>The whole pipeline's limit: every attempt and backoff (bounded, so a dead receiver frees its sender).</summary>
    public TimeSpan TotalTimeout => AttemptTimeout * (MaxRetries + 1) + RetryDelay * Math.Pow(2, MaxRetries + 1) + TimeSpan.FromSeconds(5);

    /// <summary>How long a sender owns a delivery before another instance may take it over (after a crash).</summary>
    public TimeSpan ClaimDuration => TotalTimeout + TimeSpan.FromMinutes(1);

    public static NotificationOptions From(IConfiguration configuration)
    {
        Uri? web = null;
        if (configuration[WebBaseUrlKey] is { Length: > 0 } raw)
        {
            if (!Uri.TryCreate(raw.EndsWith('/') ? raw : raw + "/", UriKind.Absolute, out web) || (web.Scheme != Uri.UriSchemeHttp && web.Scheme != Uri.UriSchemeHttps))
                throw new InvalidOperationException($"{WebBaseUrlKey} must be an absolute http(s) URL, got '{raw}'");
        }
        var retries = configuration.GetValue<int?>(MaxRetriesKey) ?? 4;
        if (retries is < 0 or > 10) throw new InvalidOperationException($"{MaxRetriesKey} must be between 0 and 10, got {retries}");
        var delay = Duration(configuration, RetryDelayKey, TimeSpan.FromSeconds(2));
        var attempt = Duration(configuration, AttemptTimeoutKey, TimeSpan.FromSeconds(10));
        var days = configuration.GetValue<double?>(DeliveryLogDaysKey) ?? 30;
        if (days < 0) throw new InvalidOperationException($"{DeliveryLogDaysKey} must be 0 (keep) or a positive number of days, got {days}");
        return new NotificationOptions(web, retries, delay, attempt, days);
    }

    /// <summary>Seconds (<c>2</c>, <c>0.5</c>) or a time span (<c>00:00:02</c>), positive.</summary>
    public static TimeSpan Duration(IConfiguration configuration, string key, TimeSpan fallback)
    {
        var raw = configuration[key];
        if (string.IsNullOrWhiteSpace(raw)) return fallback;
        if (double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0) return TimeSpan.FromSeconds(seconds);
        if (TimeSpan.TryParse(raw, CultureInfo.InvariantCulture, out var span) && span > TimeSpan.Zero) return span;
        throw new InvalidOperationException($"{key} must be a positive number of seconds or a time span (hh:mm:ss), not '{raw}'");
    }
}
