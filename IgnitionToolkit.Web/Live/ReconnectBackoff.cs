using Microsoft.AspNetCore.SignalR.Client;

namespace IgnitionToolkit.Web.Live;

/// <summary>The v2 back-off: 1 s, then ×1.5 per attempt, at most 30 s, never giving up.</summary>
public sealed class ReconnectBackoff : IRetryPolicy
{
    public static readonly TimeSpan First = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan Max = TimeSpan.FromSeconds(30);

    public static TimeSpan Delay(long previousAttempts) =>
        TimeSpan.FromMilliseconds(Math.Min(Max.TotalMilliseconds, First.TotalMilliseconds * Math.Pow(1.5, Math.Min(previousAttempts, 20))));

    public TimeSpan? NextRetryDelay(RetryContext retryContext) => Delay(retryContext.PreviousRetryCount);
}
