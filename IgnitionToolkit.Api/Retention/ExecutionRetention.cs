using IgnitionToolkit.Core.Execution.Status;
using IgnitionToolkit.Api.Executions;
using IgnitionToolkit.Api.Cluster;
using IgnitionToolkit.Api.Notifications;
using IgnitionToolkit.Api.Persistence;
using IgnitionToolkit.Core.Execution;
using Microsoft.EntityFrameworkCore;
using IgnitionToolkit.Contracts;

namespace IgnitionToolkit.Api.Retention;

/// <summary>Section <c>Toolkit:Retention</c>: <c>MaxAgeDays</c> (executions that ended longer ago are removed; 0 or
/// unset: no age limit), <c>MaxPerPlaybook</c> (only the newest N executions of each playbook are kept; 0 or unset: no
/// limit), <c>AuditMaxAgeDays</c> (audit entries older than this are removed; 0 or unset: the audit trail is kept
/// forever), <c>Interval</c> (how often the job runs, default 1 hour) and <c>BatchSize</c> (rows removed per statement,
/// default 200).</summary>
public sealed record ExecutionRetentionOptions(double MaxAgeDays, int MaxPerPlaybook, TimeSpan Interval, int BatchSize, double AuditMaxAgeDays = 0)
{
    public const string Section = "Toolkit:Retention";

    public bool Enabled => MaxAgeDays > 0 || MaxPerPlaybook > 0;

    public static ExecutionRetentionOptions From(IConfiguration configuration)
    {
        var days = configuration.GetValue<double?>($"{Section}:MaxAgeDays") ?? 0;
        if (days < 0) throw new InvalidOperationException($"{Section}:MaxAgeDays must be 0 (no limit) or a positive number of days, got {days}");
        var count = configuration.GetValue<int?>($"{Section}:MaxPerPlaybook") ?? 0;
        if (count < 0) throw new InvalidOperationException($"{Section}:MaxPerPlaybook must be 0 (no limit) or a positive count, got {count}");
        var auditDays = configuration.GetValue<double?>($"{Section}:AuditMaxAgeDays") ?? 0;
        if (auditDays < 0) throw new InvalidOperationException($"{Section}:AuditMaxAgeDays must be 0 (keep the audit trail) or a positive number of days, got {auditDays}");
        var interval = NotificationOptions.Duration(configuration, $"{Section}:Interval", TimeSpan.FromHours(1));
        var batch = configuration.GetValue<int?>($"{Section}:BatchSize") ?? 200;
        if (batch is < 1 or > 10_000) throw new InvalidOperationException($"{Section}:BatchSize must be between 1 and 10000, got {batch}");
        return new ExecutionRetentionOptions(days, count, interval, batch, auditDays);
    }
}

/// <summary>What one retention pass removed.</summary>
public sealed record RetentionResult(int ByAge, int ByCount, int Deliveries, int AuditEntries = 0);

/// <summary>
/// Background history retention, once for all API instances (<see cref="JobLeases.ExecutionRetention"/>): removes
/// executions (steps, logs, artifacts and their files, pending events) that ended before the age limit, and those beyond
/// the newest <see cref="ExecutionRetentionOptions.MaxPerPlaybook"/> of their playbook, in batches. Never an execution that
/// has not ended (pending, running, paused), never a pinned one. Also trims the webhook delivery log
/// (<see cref="NotificationOptions.DeliveryLogDays"/>) and, when asked to, the audit trail
/// (<see cref="ExecutionRetentionOptions.AuditMaxAgeDays"/>: each execution start is an audit entry, so with executions
/// trimmed the audit trail is what still grows).
/// </summary>
public sealed partial class ExecutionRetentionService(
    IServiceScopeFactory scopes, ExecutionRetentionOptions options, NotificationOptions notifications, TimeProvider clock, JobLeases leases,
    ILogger<ExecutionRetentionService> logger) : BackgroundService
{
    private static readonly ExecutionStatus[] Ended = [.. StatusRules.TerminalStatuses];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Enabled && notifications.DeliveryLogDays <= 0 && options.AuditMaxAgeDays <= 0) return;
        using var timer = new PeriodicTimer(options.Interval, clock);
        do
        {
            try
            {
                if (await leases.TryAcquireAsync(JobLeases.ExecutionRetention, 2 * options.Interval, stoppingToken)) // once for all instances
                    await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex, options.Interval);
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One full pass, batch after batch until nothing is left to remove.</summary>
    public async Task<RetentionResult> RunOnceAsync(CancellationToken ct)
    {
        var byAge = 0;
        var byCount = 0;
        if (options.MaxAgeDays > 0)
        {
            var cutoff = clock.GetUtcNow() - TimeSpan.FromDays(options.MaxAgeDays);
            while (await RemoveBatchAsync(db => db.Executions
                       .Where(e => Ended.Contains(e.Status) && !e.Pinned && (e.FinishedAt ?? e.CreatedAt) < cutoff)
                       .OrderBy(e => e.CreatedAt).Select(e => e.Id), ct) is var removed and > 0)
                byAge += removed;
        }
        if (options.MaxPerPlaybook > 0)
        {
            var keep = options.MaxPerPlaybook;
            List<string> crowded;
            await using (var scope = scopes.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<ToolkitDbContext>();
                crowded = await db.Executions.GroupBy(e => e.PlaybookPath).Where(g => g.Count() > keep).Select(g => g.Key).ToListAsync(ct);
            }
            foreach (var path in crowded)
            {
                // The newest N of the playbook are kept whatever their state; of the older ones, the ended, unpinned go.
                while (await RemoveBatchAsync(db => db.Executions.Where(e => e.PlaybookPath == path)
                           .OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id).Skip(keep)
                           .Where(e => Ended.Contains(e.Status) && !e.Pinned).Select(e => e.Id), ct) is var removed and > 0)
                    byCount += removed;
            }
        }
        var deliveries = await TrimDeliveryLogAsync(ct);
        var audit = await TrimAuditAsync(ct);
        if (byAge + byCount + deliveries + audit > 0)
        {
            LogRemoved(logger, byAge, options.MaxAgeDays, byCount, options.MaxPerPlaybook, deliveries, audit);
            await ResetWriteAheadLogAsync(ct);
        }
        return new RetentionResult(byAge, byCount, deliveries, audit);
    }

    private async Task<int> RemoveBatchAsync(Func<ToolkitDbContext, IQueryable<Guid>> select, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ToolkitDbContext>();
        var ids = await select(db).Take(options.BatchSize).ToListAsync(ct);
        if (ids.Count == 0) return 0;
        return await scope.ServiceProvider.GetRequiredService<ExecutionRemoval>().RemoveEndedAsync(ids, ct);
    }

    private async Task<int> TrimDeliveryLogAsync(CancellationToken ct)
    {
        if (notifications.DeliveryLogDays <= 0) return 0;
        var cutoff = clock.GetUtcNow() - TimeSpan.FromDays(notifications.DeliveryLogDays);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ToolkitDbContext>();
        var total = 0;
        while (true)
        {
            var ids = await db.WebhookDeliveries.Where(d => d.Status != DeliveryStatus.Pending && d.CreatedAt < cutoff)
                .OrderBy(d => d.CreatedAt).Select(d => d.Id).Take(options.BatchSize).ToListAsync(ct);
            if (ids.Count == 0) return total;
            await db.WebhookAttempts.Where(a => ids.Contains(a.DeliveryId)).ExecuteDeleteAsync(ct);
            total += await db.WebhookDeliveries.Where(d => ids.Contains(d.Id)).ExecuteDeleteAsync(ct);
        }
    }

    private async Task<int> TrimAuditAsync(CancellationToken ct)
    {
        if (options.AuditMaxAgeDays <= 0) return 0;
        var cutoff = clock.GetUtcNow() - TimeSpan.FromDays(options.AuditMaxAgeDays);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ToolkitDbContext>();
        var total = 0;
        while (await db.Audit.Where(a => a.Timestamp < cutoff).OrderBy(a => a.Timestamp).Select(a => a.Id).Take(options.BatchSize).ToListAsync(ct) is { Count: > 0 } ids)
            total += await db.Audit.Where(a => ids.Contains(a.Id)).ExecuteDeleteAsync(ct);
        return total;
    }

    /// <summary>SQLite: copies the write-ahead log into the database and empties it. Freed pages are reused either way,
    /// but a log that the automatic checkpoints never find idle (clients reading without pause) keeps the size of its
    /// busiest moment; after each pass that removed something it goes back to nothing. PostgreSQL: nothing to do.</summary>
    private async Task ResetWriteAheadLogAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ToolkitDbContext>();
        if (db.Database.IsSqlite())
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", ct);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "History retention failed; retrying in {Interval}")]
    private static partial void LogFailed(ILogger logger, Exception exception, TimeSpan interval);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "History retention removed {ByAge} execution(s) by age ({Days} days), {ByCount} beyond {Max} per playbook, {Deliveries} webhook delivery(ies), {Audit} audit entry(ies)")]
    private static partial void LogRemoved(ILogger logger, int byAge, double days, int byCount, int max, int deliveries, int audit);
}
