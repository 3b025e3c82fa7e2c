using System.Text.Json;
using IgnitionToolkit.Api.Persistence;
using IgnitionToolkit.Api.Persistence.Entities;
using IgnitionToolkit.Contracts;
using IgnitionToolkit.Contracts.Bus;
using IgnitionToolkit.Contracts.Events;
using IgnitionToolkit.Contracts.Live;
using IgnitionToolkit.Core.Execution.Projection;
using Microsoft.EntityFrameworkCore;

namespace IgnitionToolkit.Api.Executions.Projection;

/// <summary>
/// Applies a Runner's events to the database exactly once and in sequence order, through the shared
/// <see cref="ExecutionProjection"/>: a sequence already applied is ignored, one that arrives early waits in
/// <c>pending_events</c> (the event's JSON with its kind) until the gap is filled. Duplicates and reordering change
/// nothing. Events are applied in batches: one unit of work for all the executions of a batch, one notification per execution.
/// </summary>
public sealed partial class ExecutionEventApplier(
    ToolkitDbContext db, TimeProvider clock, ILogger<ExecutionEventApplier> logger, IEnumerable<IExecutionEventNotifier> notifiers)
{
    private const int MaxAttempts = 6;

    /// <param name="Stored">Already waiting in <c>pending_events</c> (not stored again).</param>
    private sealed record Queued(long Sequence, string RunnerId, ExecutionEvent? Event, bool Stored);

    /// <summary>One execution's events, projected into the context but not saved yet.</summary>
    private sealed record Staged(ExecutionRecord Execution, ExecutionStatus StatusBefore, ExecutionRows Rows, List<SequencedEvent> Applied);

    /// <summary>
    /// Applies a batch: every execution's events are staged and saved in one unit of work (one commit, one fsync on
    /// SQLite: the single writer's cost, shared by all the executions of the batch). When that save conflicts (another
    /// writer changed one of them), each execution is applied on its own again, with retries.
    /// </summary>
    public async Task ApplyAsync(IEnumerable<ExecutionEventMessage> messages, CancellationToken ct)
    {
        var groups = messages.GroupBy(m => m.ExecutionId).Select(g => (Id: g.Key, Messages: (IReadOnlyList<ExecutionEventMessage>)g.ToList())).ToList();
        if (groups.Count > 1)
        {
            var staged = new List<Staged>();
            try
            {
                foreach (var (id, list) in groups)
                    if (await StageAsync(id, list, ct) is { } one) staged.Add(one);
                await SaveAsync(staged, ct);
            }
            catch (Exception ex) when (IsWriteFailure(ex))
            {
                LogConflict(logger, ex, groups.Sum(g => g.Messages.Count), groups[0].Id);
                db.ChangeTracker.Clear();
                foreach (var (id, list) in groups) await ApplyExecutionAsync(id, list, ct);
                return;
            }
            foreach (var one in staged) await NotifyAsync(one, ct);
            return;
        }
        foreach (var (id, list) in groups) await ApplyExecutionAsync(id, list, ct);
    }

    private async Task ApplyExecutionAsync(Guid executionId, IReadOnlyList<ExecutionEventMessage> messages, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (await StageAsync(executionId, messages, ct) is not { } staged) return;
                await SaveAsync([staged], ct);
                await NotifyAsync(staged, ct);
                return;
            }
            catch (Exception ex) when (IsWriteFailure(ex) && attempt < MaxAttempts)
            {
                // Another writer (heartbeat monitor, control endpoint, a second API instance) changed the execution: reload and retry.
                LogConflict(logger, ex, messages.Count, executionId);
                db.ChangeTracker.Clear();
                await Task.Delay(TimeSpan.FromMilliseconds(25 * attempt), ct);
            }
        }
    }

    /// <summary>Projects the fresh events of one execution into the context (not saved); null when there is nothing to apply.</summary>
    private async Task<Staged?> StageAsync(Guid executionId, IReadOnlyList<ExecutionEventMessage> messages, CancellationToken ct)
    {
        var execution = await db.Executions.FirstOrDefaultAsync(e => e.Id == executionId, ct);
        if (execution is null)
        {
            LogUnknownExecution(logger, messages.Count, executionId);
            return null;
        }
        var fresh = messages.Where(m => m.Sequence > execution.LastAppliedSequence).ToList();
        if (fresh.Count == 0) return null; // only duplicates

        var rows = new ExecutionRows(db, execution);
        var queue = new SortedDictionary<long, Queued>();
        var waitingBefore = await db.PendingEvents.AsNoTracking().Where(p => p.ExecutionId == executionId).ToListAsync(ct);
        rows.HadPending = waitingBefore.Count > 0; // the ones applied now (or already) are deleted with the save
        foreach (var stored in waitingBefore.Where(p => p.Sequence > execution.LastAppliedSequence))
            queue[stored.Sequence] = new Queued(stored.Sequence, stored.RunnerId, Read(stored, executionId), Stored: true);
        foreach (var m in fresh)
            queue.TryAdd(m.Sequence, new Queued(m.Sequence, m.RunnerId, m.Event, Stored: false));

        var now = clock.GetUtcNow();
        execution.LastHeartbeatAt = now;
        execution.RunnerId ??= fresh[0].RunnerId;
        execution.Version++;

        var staged = new Staged(execution, execution.Status, rows, []);
        await rows.LoadStepsAsync(queue.Values.Select(q => q.Event).OfType<ExecutionEvent>(), ct);
        while (queue.Remove(execution.LastAppliedSequence + 1, out var next))
        {
            // An event that cannot be read or is of an unknown kind is skipped: it must not block the ones after it.
            if (next.Event is { } e)
            {
                if (!ExecutionProjection.Apply(rows, next.Sequence, e)) LogUnknownKind(logger, next.Sequence, executionId);
                staged.Applied.Add(new SequencedEvent(next.Sequence, e)); // live clients skip unknown kinds the same way
            }
            execution.LastAppliedSequence = next.Sequence;
        }
        foreach (var waiting in queue.Values.Where(q => !q.Stored && q.Event is not null))
        {
            rows.AddPending(new PendingEventRecord
            {
                ExecutionId = executionId, Sequence = waiting.Sequence, RunnerId = waiting.RunnerId, Kind = waiting.Event!.Kind,
                Timestamp = waiting.Event.Timestamp.ToUniversalTime(), PayloadJson = ContractJson.SerializeEvent(waiting.Event), ReceivedAt = now,
            });
        }
        return staged;
    }

    /// <summary>The save conflicted (another writer changed an execution: EF Core's version check) or a row was refused
    /// (the bulk insert's own database error, e.g. an execution deleted meanwhile): reload and try again.</summary>
    private static bool IsWriteFailure(Exception ex) => ex is DbUpdateException or System.Data.Common.DbException;

    /// <summary>One transaction: the context's changes (the executions with their version check, step rows updated,
    /// pending events), then the new rows of every staged execution in bulk (<see cref="ExecutionRows.InsertNewAsync"/>).
    /// Run by the provider's execution strategy (PostgreSQL retries transient failures: the whole transaction again).</summary>
    private async Task SaveAsync(IReadOnlyList<Staged> staged, CancellationToken ct)
    {
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            await db.SaveChangesAsync(acceptAllChangesOnSuccess: false, token);
            foreach (var one in staged) await one.Rows.InsertNewAsync(token);
            await transaction.CommitAsync(token);
        }, ct);
        db.ChangeTracker.AcceptAllChanges();
    }

    /// <summary>After the save: live clients and metrics.</summary>
    private async Task NotifyAsync(Staged staged, CancellationToken ct)
    {
        var execution = staged.Execution;
        if (staged.Applied.Count > 0)
            foreach (var notifier in notifiers)
                await notifier.EventsAppliedAsync(new ExecutionEventsMessage(execution.Id, execution.Status, execution.LastAppliedSequence, staged.Applied), ct);
        Observability.ExecutionMetrics.Transition(execution.PlaybookPath, staged.StatusBefore, execution.Status);
    }

    /// <summary>A waiting event as it was stored (the event's JSON with its kind); null when it cannot be read.</summary>
    private ExecutionEvent? Read(PendingEventRecord stored, Guid executionId)
    {
        try
        {
            return ContractJson.DeserializeEvent(stored.PayloadJson);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException)
        {
            LogUnreadable(logger, stored.Kind, stored.Sequence, executionId, ex.Message);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Conflict applying {Count} event(s) of {ExecutionId}; retrying")]
    private static partial void LogConflict(ILogger logger, Exception ex, int count, Guid executionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignoring {Count} event(s) for unknown execution {ExecutionId}")]
    private static partial void LogUnknownExecution(ILogger logger, int count, Guid executionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignoring event #{Sequence} of unknown kind of execution {ExecutionId}")]
    private static partial void LogUnknownKind(ILogger logger, long sequence, Guid executionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipping unreadable {Kind} event #{Sequence} of execution {ExecutionId}: {Message}")]
    private static partial void LogUnreadable(ILogger logger, string kind, long sequence, Guid executionId, string message);
}
