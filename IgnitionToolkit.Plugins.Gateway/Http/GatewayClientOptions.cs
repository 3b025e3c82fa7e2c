namespace IgnitionToolkit.Plugins.Gateway.Http;

/// <summary>Timeouts and retry settings of the gateway HTTP client.</summary>
public sealed class GatewayClientOptions
{
    /// <summary>Limit for ordinary API calls (info, lists, login requests).</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Limit for file transfers (backup download, restore and module upload, project export/import).
    /// The step's own <c>timeout</c> still applies; large backups can take many minutes.</summary>
    public TimeSpan TransferTimeout { get; set; } = TimeSpan.FromMinutes(60);

    /// <summary>How often a failed idempotent (GET) request is retried on a transient failure (5xx, 408, 429, dropped connection).</summary>
    public int GetRetryCount { get; set; } = 3;

    /// <summary>First retry delay; later ones grow exponentially (with jitter).</summary>
    public TimeSpan GetRetryDelay { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>Time allowed to open a TCP connection to the gateway.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(15);
}
