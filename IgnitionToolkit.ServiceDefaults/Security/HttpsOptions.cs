using IgnitionToolkit.ServiceDefaults.Configuration;

namespace IgnitionToolkit.ServiceDefaults.Security;

/// <summary>Section <c>Toolkit:Https</c>: redirect plain HTTP to HTTPS and send HSTS. Off by default (local development
/// over http://127.0.0.1); turn it on where the service is reachable over HTTPS. Health, liveness and metrics stay
/// reachable over plain HTTP so probes and scrapers inside the network keep working.</summary>
public sealed class HttpsOptions
{
    public const string Section = "Toolkit:Https";

    /// <summary>Answer HTTP requests with a redirect to HTTPS and add <c>Strict-Transport-Security</c> to HTTPS responses (default false).</summary>
    public bool Redirect { get; set; }

    /// <summary>The HTTPS port the redirect points at (default: the HTTPS endpoint the server listens on, else 443).</summary>
    public int? Port { get; set; }

    /// <summary><c>max-age</c> of the HSTS header (default 365 days).</summary>
    public TimeSpan HstsMaxAge { get; set; } = TimeSpan.FromDays(365);

    public static void Rules(HttpsOptions o, SettingRules rules) => rules
        .Check(o.Port is null or (> 0 and <= 65535), $"{Section}:Port", $"must be a TCP port between 1 and 65535 (was {o.Port})")
        .Positive(o.HstsMaxAge, $"{Section}:HstsMaxAge");
}
