using IgnitionToolkit.Api.Executions;
using IgnitionToolkit.Api.Persistence;
using IgnitionToolkit.Contracts.Bus;
using IgnitionToolkit.Core.Execution.Status;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace IgnitionToolkit.Api.Messaging;

/// <summary>A Runner started under a name that still owns running or paused executions here: they began before this
/// process did, so nothing runs them any more. They are interrupted at once instead of after the heartbeat timeout
/// (queue <see cref="BusEndpoints.ApiHeartbeatsQueue"/>, beside the heartbeats).</summary>
public sealed class RunnerStartedConsumer(ToolkitDbContext db, ExecutionInterruption interruption, TimeProvider clock) : IConsumer<RunnerStarted>
{
    public async Task Consume(ConsumeContext<RunnerStarted> context)
    {
        var (runner, startedAt) = (context.Message.RunnerId, context.Message.StartedAt);
        var owned = StatusRules.OwnedByRunner;
        var candidates = await db.Executions.Where(e => e.RunnerId == runner && owned.Contains(e.Status)).ToListAsync(context.CancellationToken);
        // Times of one Runner's clock on both sides (its events' timestamps and its start); compared here, as SQLite cannot compare offsets.
        var orphaned = candidates.Where(e => e.StartedAt is { } started && started < startedAt).ToList();
        if (orphaned.Count == 0) return;
        await interruption.InterruptAsync(orphaned, _ => $"runner {runner} restarted: it no longer runs this execution", clock.GetUtcNow(), context.CancellationToken);
    }
}
