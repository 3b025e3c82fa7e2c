using IgnitionToolkit.Api.Persistence;
using IgnitionToolkit.Api.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace IgnitionToolkit.Api.Cluster;

/// <summary>
/// Leases in the shared database for background jobs that must act once for all API instances (the heartbeat monitor,
/// retention). The holder renews its lease on each pass; when it stops, another instance takes the job over once the
/// lease has expired. Written here rather than taken from a lock library: the lease has to work the same on SQLite and
/// PostgreSQL through the toolkit's own context (advisory-lock libraries cover PostgreSQL only).
/// </summary>
public sealed partial class JobLeases(IServiceScopeFactory scopes, ApiInstance instance, TimeProvider clock, ILogger<JobLeases> logger)
{
    public const string HeartbeatMonitor = "heartbeat-monitor";
    public const string ArtifactRetention = "artifact-retention";
    public const string ExecutionRetention = "execution-retention";

    /// <summary>True when this instance holds <paramref name="job"/> for the next <paramref name="duration"/>.</summary>
    public async Task<bool> TryAcquireAsync(string job, TimeSpan duration, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ToolkitDbContext>();
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var until = now + (long)duration.TotalMilliseconds;
        var me = instance.Id;
        // Renew our own lease or take over an expired one in one statement: of two instances, one wins.
        var taken = await db.JobLeases.Where(l => l.Name == job && (l.Holder == me || l.ExpiresAtMs < now))
            .ExecuteUpdateAsync(u => u.SetProperty(l => l.Holder, me).SetProperty(l => l.ExpiresAtMs, until), ct);
        if (taken == 1) return true;
        if (await db.JobLeases.AsNoTracking().AnyAsync(l => l.Name == job, ct)) return false;
        try
        {
            db.JobLeases.Add(new JobLeaseRecord { Name = job, Holder = me, ExpiresAtMs = until });
            await db.SaveChangesAsync(ct);
            LogTaken(logger, me, job);
            return true;
        }
        catch (DbUpdateException)
        {
            return false; // another instance created the lease at the same moment
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Instance {Instance} runs the {Job} job")]
    private static partial void LogTaken(ILogger logger, string instance, string job);
}
