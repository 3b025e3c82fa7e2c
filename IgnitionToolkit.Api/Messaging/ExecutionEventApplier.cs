using IgnitionToolkit.Api.Persistence;
using IgnitionToolkit.Api.Persistence.Entities;
using IgnitionToolkit.Core.Messaging;
using Microsoft.EntityFrameworkCore;

namespace IgnitionToolkit.Api.Messaging;

/// <summary>
/// Applies a Runner's events to the database exactly once and in sequence order: a sequence already applied is ignored,
/// one that arrives early waits in <c>pending_events</c> until the gap is filled. Duplicates and reordering change nothing.
/// Events are applied in batches (one unit of work per execution per batch).
/// </summary>
public sealed class ExecutionEventApplier(
    ToolkitDbContext db, TimeProvider clock, ILogger<ExecutionEventApplier> logger, IEnumerable<IExecutionEventNotifier> notifiers)
{
    private const int MaxAttempts = 6;

    private sealed record Queued(long Sequence, string RunnerId, string Kind, DateTimeOffset Timestamp, string PayloadJson, PendingEventRecord? Stored);

    public async Task ApplyAsync(IEnumerable<ExecutionEventMessage> messages, CancellationToken ct)
    {
        foreach (var group in messages.GroupBy(m => m.ExecutionId))
            await ApplyExecutionAsync(group.Key, group.ToList(), ct);
    }

    private async Task ApplyExecutionAsync(Guid executionId, IReadOnlyList<ExecutionEventMessage> messages, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ApplyOnceAsync(executionId, messages, ct);
                return;
            }
            catch (DbUpdateException ex) when (attempt < MaxAttempts)
            {
                // Another writer (heartbeat monitor, control endpoint, a second API instance) changed the execution: reload and retry.
                logger.LogDebug(ex, "Conflict applying {Count} event(s) of {ExecutionId}; retrying", messages.Count, executionId);
                db.ChangeTracker.Clear();
                await Task.Delay(TimeSpan.FromMilliseconds(25 * attempt), ct);
            }
        }
    }

    private async Task ApplyOnceAsync(Guid executionId, IReadOnlyList<ExecutionEventMessage> messages, CancellationToken ct)
    {
        var execution = await db.Executions.FirstOrDefaultAsync(e => e.Id == executionId, ct);
        if (execution is null)
        {
            logger.LogWarning("Ignoring {Count} event(s) for unknown execution {ExecutionId}", messages.Count, executionId);
            return;
        }
        var fresh = messages.Where(m => m.Sequence > execution.LastAppliedSequence).ToList();
        if (fresh.Count == 0) return; // only duplicates

        var queue = new SortedDictionary<long, Queued>();
        foreach (var stored in await db.PendingEvents.Where(p => p.ExecutionId == executionId).ToListAsync(ct))
        {
            if (stored.Sequence <= execution.LastAppliedSequence) db.PendingEvents.Remove(stored);
            else queue[stored.Sequence] = new Queued(stored.Sequence, stored.RunnerId, stored.Kind, stored.Timestamp, stored.PayloadJson, stored);
        }
        foreach (var m in fresh)
            queue.TryAdd(m.Sequence, new Queued(m.Sequence, m.RunnerId, m.Kind, m.Timestamp.ToUniversalTime(), m.PayloadJson, null));

        var now = clock.GetUtcNow();
        execution.LastHeartbeatAt = now;
        execution.RunnerId ??= fresh[0].RunnerId;
        execution.Version++;

        var statusBefore = execution.Status;
        var projector = new ExecutionEventProjector(db, execution, new StepRows(db, execution.Id), logger);
        var applied = new List<AppliedEvent>();
        while (queue.Remove(execution.LastAppliedSequence + 1, out var next))
        {
            await projector.ApplyAsync(next.Sequence, next.Kind, next.Timestamp, next.PayloadJson, ct);
            applied.Add(new AppliedEvent(next.Sequence, next.Kind, next.Timestamp, next.PayloadJson));
            execution.LastAppliedSequence = next.Sequence;
            if (next.Stored is not null) db.PendingEvents.Remove(next.Stored);
        }
        foreach (var waiting in queue.Values.Where(q => q.Stored is null))
        {
            db.PendingEvents.Add(new PendingEventRecord
            {
                ExecutionId = executionId, Sequence = waiting.Sequence, RunnerId = waiting.RunnerId, Kind = waiting.Kind,
                Timestamp = waiting.Timestamp, PayloadJson = waiting.PayloadJson, ReceivedAt = now,
            });
        }
        await db.SaveChangesAsync(ct);
        if (applied.Count > 0)
            foreach (var notifier in notifiers)
                await notifier.EventsAppliedAsync(new AppliedEvents(executionId, execution.Status, execution.LastAppliedSequence, applied), ct);
        Observability.ExecutionMetrics.Transition(execution.PlaybookPath, statusBefore, execution.Status);
    }
}
