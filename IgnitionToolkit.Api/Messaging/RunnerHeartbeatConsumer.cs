using IgnitionToolkit.Core.Execution.Status;
using IgnitionToolkit.Api.Persistence;
using IgnitionToolkit.Api.Runners;
using IgnitionToolkit.Core.Execution;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using IgnitionToolkit.Contracts;
using IgnitionToolkit.Contracts.Bus;

namespace IgnitionToolkit.Api.Messaging;

/// <summary>Records that a Runner is up (<see cref="RunnerPresence"/>) and alive for the executions it lists (queue <see cref="BusEndpoints.ApiHeartbeatsQueue"/>).</summary>
public sealed class RunnerHeartbeatConsumer(ToolkitDbContext db, TimeProvider clock, RunnerPresence presence) : IConsumer<RunnerHeartbeat>
{
    public async Task Consume(ConsumeContext<RunnerHeartbeat> context)
    {
        await presence.RecordAsync(context.Message, db, context.CancellationToken); // every heartbeat, idle presence included, says the Runner is up
        var ids = context.Message.ExecutionIds.Distinct().ToList();
        if (ids.Count == 0) return;
        var now = clock.GetUtcNow();
        var runner = context.Message.RunnerId;
        var live = StatusRules.LiveStatuses;
        // A bulk update that leaves the concurrency token alone: heartbeats never conflict with event processing.
        await db.Executions
            .Where(e => ids.Contains(e.Id) && live.Contains(e.Status))
            .ExecuteUpdateAsync(u => u.SetProperty(e => e.LastHeartbeatAt, now).SetProperty(e => e.RunnerId, runner), context.CancellationToken);
    }
}
