using IgnitionToolkit.Api.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IgnitionToolkit.Api.Auth;

/// <summary>Failed logins counted per user name and per client IP in fixed windows, in the shared database so that
/// every API instance counts the same attempts: once either budget is spent, logins are refused with 429 and
/// <c>Retry-After</c> until the window ends.</summary>
public sealed class LoginLimiter(ToolkitDbContext db, IOptions<AuthOptions> options, TimeProvider clock)
{
    /// <summary>Null when a login may be tried, else how long to wait.</summary>
    public async Task<TimeSpan?> BlockedAsync(string userName, string client, CancellationToken ct)
    {
        var o = options.Value;
        var (window, wait) = CurrentWindow(o.LoginWindow);
        string[] keys = [UserKey(userName), ClientKey(client)];
        var counts = await db.LoginFailures.AsNoTracking()
            .Where(f => f.WindowNumber == window && keys.Contains(f.PartitionKey))
            .ToDictionaryAsync(f => f.PartitionKey, f => f.Failures, ct);
        var spent = counts.GetValueOrDefault(keys[0]) >= o.LoginAttemptsPerUser || counts.GetValueOrDefault(keys[1]) >= o.LoginAttemptsPerClient;
        return spent ? wait : null;
    }

    public async Task FailedAsync(string userName, string client, CancellationToken ct)
    {
        var (window, _) = CurrentWindow(options.Value.LoginWindow);
        foreach (var key in new[] { UserKey(userName), ClientKey(client) })
        {
            // one statement per count, atomic on both SQLite and PostgreSQL: two instances never lose an attempt
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO login_failures (partition_key, window_number, failures) VALUES ({key}, {window}, 1)
                ON CONFLICT (partition_key, window_number) DO UPDATE SET failures = login_failures.failures + 1
                """, ct);
        }
        await db.LoginFailures.Where(f => f.WindowNumber < window - 1).ExecuteDeleteAsync(ct); // past windows
    }

    private (long Window, TimeSpan UntilNext) CurrentWindow(TimeSpan length)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var size = Math.Max(1, (long)length.TotalMilliseconds);
        var window = now / size;
        return (window, TimeSpan.FromMilliseconds((window + 1) * size - now));
    }

    private static string UserKey(string userName) => "user:" + userName;

    private static string ClientKey(string client) => "client:" + client;
}
