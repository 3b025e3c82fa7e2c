using IgnitionToolkit.Contracts;
using IgnitionToolkit.Api.Messaging;
using IgnitionToolkit.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IgnitionToolkit.Api.Schedules;

/// <summary>
/// Every <see cref="ScheduleOptions.TickInterval"/>, starts what is due: schedules whose next occurrence has come and
/// queued runs whose previous run has ended. Every API instance ticks; the database decides which one starts each run
/// (<see cref="ScheduleFiring"/>), so a run starts once however many instances there are, and none is lost while one
/// is down. While the broker is unreachable nothing is started: the runs wait (and count as missed once they are
/// older than <see cref="ScheduleOptions.MissedAfter"/>).
/// </summary>
public sealed partial class Scheduler(IServiceScopeFactory scopes, ScheduleOptions options, TimeProvider clock, ILogger<Scheduler> logger,
    BrokerConnection? broker = null) : BackgroundService
{
    private static readonly string Queued = ScheduleRunState.Queued.ToWire();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.TickInterval, clock);
        do
        {
            try
            {
                if (broker is not { IsUp: false }) await TickAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogTickFailed(logger, ex, options.TickInterval);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    /// <summary>One pass; returns how many schedules or queued runs this instance handled.</summary>
    public async Task<int> TickAsync(CancellationToken ct)
    {
        List<Guid> due, queued;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ToolkitDbContext>();
            var now = clock.GetUtcNow();
            due = await db.Schedules.AsNoTracking().Where(s => s.Enabled && s.NextDueAt != null && s.NextDueAt <= now).Select(s => s.Id).ToListAsync(ct);
            queued = await db.ScheduleRuns.AsNoTracking().Where(r => r.State == Queued).Select(r => r.ScheduleId).Distinct().ToListAsync(ct);
        }
        var handled = 0;
        foreach (var id in queued) handled += await InScopeAsync((firing, c) => firing.StartQueuedAsync(id, c), ct) ? 1 : 0;
        foreach (var id in due) handled += await InScopeAsync((firing, c) => firing.FireDueAsync(id, c), ct) ? 1 : 0;
        return handled;
    }

    /// <summary>Each schedule in its own scope (own database context): one failing does not hold up the others.</summary>
    private async Task<bool> InScopeAsync(Func<ScheduleFiring, CancellationToken, Task<bool>> action, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        try
        {
            return await action(scope.ServiceProvider.GetRequiredService<ScheduleFiring>(), ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogScheduleFailed(logger, ex);
            return false;
        }
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try
        {
            return await timer.WaitForNextTickAsync(ct);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Schedule check failed; trying again in {Interval}")]
    private static partial void LogTickFailed(ILogger logger, Exception exception, TimeSpan interval);

    [LoggerMessage(Level = LogLevel.Error, Message = "A schedule could not be handled; trying again next pass")]
    private static partial void LogScheduleFailed(ILogger logger, Exception exception);
}
