using IgnitionToolkit.Core.Execution.Status;
using IgnitionToolkit.Api.Cluster;
using IgnitionToolkit.Api.Persistence;
using IgnitionToolkit.Core.Execution;
using Microsoft.EntityFrameworkCore;
using IgnitionToolkit.Contracts;

namespace IgnitionToolkit.Api.Artifacts;

/// <summary><c>Toolkit:Artifacts:RetentionDays</c> (0 or unset: keep forever) and <c>Toolkit:Artifacts:CleanupInterval</c>
/// (how often the cleanup runs; default 1 hour).</summary>
public sealed record ArtifactRetentionOptions(double RetentionDays, TimeSpan CleanupInterval)
{
    public const string RetentionDaysKey = "Toolkit:Artifacts:RetentionDays";
    public const string CleanupIntervalKey = "Toolkit:Artifacts:CleanupInterval";

    public static ArtifactRetentionOptions From(IConfiguration configuration)
    {
        var days = configuration.GetValue<double?>(RetentionDaysKey) ?? 0;
        if (days < 0) throw new InvalidOperationException($"{RetentionDaysKey} must be 0 (keep forever) or a positive number of days, got {days}");
        var interval = configuration.GetValue<TimeSpan?>(CleanupIntervalKey) ?? TimeSpan.FromHours(1);
        if (interval <= TimeSpan.Zero) throw new InvalidOperationException($"{CleanupIntervalKey} must be positive (hh:mm:ss), got {interval}");
        return new ArtifactRetentionOptions(days, interval);
    }
}

/// <summary>Background cleanup: removes the artifacts (files and rows) of executions that finished more than
/// <see cref="ArtifactRetentionOptions.RetentionDays"/> ago. The executions themselves are kept.</summary>
public sealed partial class ArtifactRetentionService(
    IServiceScopeFactory scopes, ArtifactRetentionOptions options, TimeProvider clock, JobLeases leases, ILogger<ArtifactRetentionService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.RetentionDays <= 0) return;
        using var timer = new PeriodicTimer(options.CleanupInterval, clock);
        do
        {
            try
            {
                if (await leases.TryAcquireAsync(JobLeases.ArtifactRetention, 2 * options.CleanupInterval, stoppingToken)) // once for all instances
                    await CleanupAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogCleanupFailed(logger, ex, options.CleanupInterval);
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Removes expired artifacts now; returns how many executions were cleaned.</summary>
    public async Task<int> CleanupAsync(CancellationToken ct)
    {
        var cutoff = clock.GetUtcNow() - TimeSpan.FromDays(options.RetentionDays);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ToolkitDbContext>();
        var files = scope.ServiceProvider.GetRequiredService<ArtifactFiles>();
        var running = StatusRules.LiveStatuses;
        var expired = await db.Executions.AsNoTracking()
            .Where(e => !running.Contains(e.Status) && e.FinishedAt != null && e.FinishedAt < cutoff)
            .Where(e => db.Artifacts.Any(a => a.ExecutionId == e.Id))
            .Select(e => e.Id).ToListAsync(ct);
        foreach (var id in expired)
        {
            await db.Artifacts.Where(a => a.ExecutionId == id).ExecuteDeleteAsync(ct);
            files.DeleteFolder(id);
        }
        if (expired.Count > 0)
            LogRemoved(logger, options.RetentionDays, expired.Count);
        return expired.Count;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Artifact cleanup failed; retrying in {Interval}")]
    private static partial void LogCleanupFailed(ILogger logger, Exception exception, TimeSpan interval);

    [LoggerMessage(Level = LogLevel.Information, Message = "Artifact retention ({Days} days): removed the artifacts of {Count} execution(s)")]
    private static partial void LogRemoved(ILogger logger, double days, int count);
}
