namespace IgnitionToolkit.Api.Messaging;

/// <summary>One event as it was applied (payload: the Runner's camelCase JSON, secrets already masked).</summary>
public sealed record AppliedEvent(long Sequence, string Kind, DateTimeOffset Timestamp, string PayloadJson);

/// <summary>The events of one execution applied (and saved) in one unit of work, in sequence order.</summary>
/// <param name="Status">The execution's status after the events.</param>
/// <param name="LastSequence">The execution's highest applied sequence after the events.</param>
public sealed record AppliedEvents(Guid ExecutionId, string Status, long LastSequence, IReadOnlyList<AppliedEvent> Events);

/// <summary>Told after events have been saved (e.g. to push them to live clients). Must not throw for delivery problems.</summary>
public interface IExecutionEventNotifier
{
    Task EventsAppliedAsync(AppliedEvents events, CancellationToken ct);
}
