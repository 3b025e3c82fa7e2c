namespace IgnitionToolkit.Plugins.Gateway.Client;

/// <summary>
/// A restart this session asked for: when, and the gateway's <c>overview.uptime</c> just before (null when unreadable).
/// Comparing the uptime afterwards tells whether the gateway has really restarted, so a restart that takes a while to
/// begin is not mistaken for a finished one.
/// </summary>
public sealed record RestartMark(DateTimeOffset RequestedAt, long? UptimeBefore)
{
    /// <summary>Values above this are epoch milliseconds (a start time); below, a duration in milliseconds.</summary>
    private const long EpochThreshold = 1_000_000_000_000;

    /// <summary>Whether <paramref name="uptimeNow"/> shows a restart since the mark (null: cannot tell).</summary>
    public bool? RestartedBy(long? uptimeNow, DateTimeOffset now)
    {
        if (UptimeBefore is not { } before || uptimeNow is not { } after) return null;
        if (before >= EpochThreshold) return after > before;                       // start time moved forward
        var expected = before + (long)(now - RequestedAt).TotalMilliseconds;       // duration kept growing?
        return after < expected - 1000;
    }
}
