using IgnitionToolkit.Api.Persistence;
using IgnitionToolkit.Api.Persistence.Entities;
using IgnitionToolkit.Core.Messaging;
using Microsoft.EntityFrameworkCore;

namespace IgnitionToolkit.Api.Messaging;

/// <summary>
/// Applies a Runner's events to the database exactly once and in sequence order: a sequence already applied is ignored,
/// one that arrives early waits in <c>pending_events</c> until the gap is filled. Duplicates and reordering change nothing.
/// </summary>
public sealed class ExecutionEventApplier(ToolkitDbContext db, TimeProvider clock, ILogger<ExecutionEventApplier> logger)
{
    private const int MaxAttempts = 6;

    public async Task ApplyAsync(ExecutionEventMessage message, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ApplyOnceAsync(message, ct);
                return;
            }
            catch (DbUpdateException ex) when (attempt < MaxAttempts)
            {
                // Another writer (heartbeat monitor, control endpoint, a second API instance) changed the execution: reload and retry.
                logger.LogDebug(ex, "Conflict applying event {Sequence} of {ExecutionId}; retrying", message.Sequence, message.ExecutionId);
                db.ChangeTracker.Clear();
                await Task.Delay(TimeSpan.FromMilliseconds(25 * attempt), ct);
            }
        }
    }

    private async Task ApplyOnceAsync(ExecutionEventMessage message, CancellationToken ct)
    {
        var execution = await db.Executions.FirstOrDefaultAsync(e => e.Id == message.ExecutionId, ct);
        if (execution is null)
        {
            logger.LogWarning("Ignoring event {Kind} #{Sequence} for unknown execution {ExecutionId}", message.Kind, message.Sequence, message.ExecutionId);
            return;
        }
        if (message.Sequence <= execution.LastAppliedSequence) return; // duplicate

        var now = clock.GetUtcNow();
        execution.LastHeartbeatAt = now;
        execution.RunnerId ??= message.RunnerId;
        execution.Version++;

        if (message.Sequence > execution.LastAppliedSequence + 1)
        {
            var known = await db.PendingEvents.AnyAsync(p => p.ExecutionId == message.ExecutionId && p.Sequence == message.Sequence, ct);
            if (!known)
            {
                db.PendingEvents.Add(new PendingEventRecord
                {
                    ExecutionId = message.ExecutionId, Sequence = message.Sequence, RunnerId = message.RunnerId, Kind = message.Kind,
                    Timestamp = message.Timestamp.ToUniversalTime(), PayloadJson = message.PayloadJson, ReceivedAt = now,
                });
            }
            await db.SaveChangesAsync(ct);
            return;
        }

        var steps = new StepRows(db, execution.Id);
        var projector = new ExecutionEventProjector(db, execution, steps, logger);
        await projector.ApplyAsync(message.Sequence, message.Kind, message.Timestamp.ToUniversalTime(), message.PayloadJson, ct);
        execution.LastAppliedSequence = message.Sequence;

        var pending = await db.PendingEvents.Where(p => p.ExecutionId == execution.Id).OrderBy(p => p.Sequence).ToListAsync(ct);
        foreach (var next in pending)
        {
            if (next.Sequence <= execution.LastAppliedSequence)
            {
                db.PendingEvents.Remove(next);
                continue;
            }
            if (next.Sequence != execution.LastAppliedSequence + 1) break;
            await projector.ApplyAsync(next.Sequence, next.Kind, next.Timestamp, next.PayloadJson, ct);
            execution.LastAppliedSequence = next.Sequence;
            db.PendingEvents.Remove(next);
        }
        await db.SaveChangesAsync(ct);
    }
}
