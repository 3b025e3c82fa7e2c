using IgnitionToolkit.ServiceDefaults.Configuration;

namespace IgnitionToolkit.ServiceDefaults.Security;

/// <summary>Section <c>Toolkit:RateLimit</c>: a fixed window of <see cref="PermitLimit"/> requests per <see cref="Window"/>
/// for each client (the signed-in user's name, else the remote IP address). <c>/health</c>, <c>/alive</c> and
/// <c>/metrics</c> are never limited. A client over its limit gets <c>429 Too Many Requests</c> with <c>Retry-After</c>.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "Toolkit:RateLimit";

    /// <summary>Limit requests at all (default true).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Requests one client may make per window (default 600, i.e. 10 per second on average over a minute).</summary>
    public int PermitLimit { get; set; } = 600;

    /// <summary>Length of the window (default one minute).</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Requests over the limit that wait for the next window instead of being refused (default 0: refuse at once).</summary>
    public int QueueLimit { get; set; }

    public static void Rules(RateLimitOptions o, SettingRules rules) => rules
        .AtLeast(o.PermitLimit, 1, $"{Section}:PermitLimit")
        .Positive(o.Window, $"{Section}:Window")
        .AtLeast(o.QueueLimit, 0, $"{Section}:QueueLimit");
}
