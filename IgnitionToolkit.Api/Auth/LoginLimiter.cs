using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace IgnitionToolkit.Api.Auth;

/// <summary>Failed logins counted per user name and per client IP in fixed windows (System.Threading.RateLimiting):
/// once either budget is spent, logins are refused with 429 and <c>Retry-After</c> until the window ends.</summary>
public sealed class LoginLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _users;
    private readonly PartitionedRateLimiter<string> _clients;

    public LoginLimiter(IOptions<AuthOptions> options)
    {
        var o = options.Value;
        _users = Create(o.LoginAttemptsPerUser, o.LoginWindow);
        _clients = Create(o.LoginAttemptsPerClient, o.LoginWindow);
    }

    /// <summary>Null when a login may be tried, else how long to wait.</summary>
    public TimeSpan? Blocked(string userName, string client)
    {
        foreach (var (limiter, key) in new[] { (_users, userName), (_clients, client) })
        {
            using var lease = limiter.AttemptAcquire(key, 0); // checks without spending
            if (!lease.IsAcquired)
                return lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? retry : TimeSpan.FromMinutes(1);
        }
        return null;
    }

    public void Failed(string userName, string client)
    {
        _users.AttemptAcquire(userName).Dispose();
        _clients.AttemptAcquire(client).Dispose();
    }

    private static PartitionedRateLimiter<string> Create(int attempts, TimeSpan window) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = attempts,
            Window = window,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    public void Dispose()
    {
        _users.Dispose();
        _clients.Dispose();
    }
}
