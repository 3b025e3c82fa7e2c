using System.Text.Json;
using IgnitionToolkit.Contracts.Events;

namespace IgnitionToolkit.Contracts.Bus;

/// <summary>
/// Runner → API: consecutive events of one execution in one message, what a Runner publishes. Each event keeps its own
/// <see cref="SequencedEvent.Sequence"/>; a batch holds the events the engine reported while the previous batch was
/// being confirmed, so a busy execution costs one broker round trip per batch instead of per event. Consumed like
/// <see cref="ExecutionEventMessage"/> (same queue, applied by sequence, duplicates ignored).
/// </summary>
/// <param name="Events">The events as UTF-8 JSON: an array of <see cref="SequencedEvent"/> in the one convention
/// (<see cref="ContractJson.SerializeSequenced(IReadOnlyList{SequencedEvent})"/>), carried as one value (base64 in
/// MassTransit's envelope). MassTransit reads a message twice, its envelope into a <see cref="JsonDocument"/> and then
/// the message from it: the events as a JSON array in the envelope cost the API a fifth of its CPU in that first pass
/// alone while it took in a busy execution (docs/performance.md). Read them with <see cref="ReadEvents"/>; write them
/// with <see cref="Create"/> or <see cref="Of"/>.</param>
public sealed record ExecutionEventBatch(Guid ExecutionId, string RunnerId, byte[] Events)
{
    /// <summary>A batch of events each already serialised with <see cref="ContractJson.SerializeSequenced"/> (a Runner
    /// measures its batches by those bytes, so each event is serialised once).</summary>
    public static ExecutionEventBatch Create(Guid executionId, string runnerId, IReadOnlyList<byte[]> serializedEvents)
    {
        ArgumentNullException.ThrowIfNull(serializedEvents);
        var json = new byte[serializedEvents.Sum(e => e.Length) + Math.Max(0, serializedEvents.Count - 1) + 2];
        json[0] = (byte)'[';
        var at = 1;
        foreach (var item in serializedEvents)
        {
            if (at > 1) json[at++] = (byte)',';
            item.CopyTo(json, at);
            at += item.Length;
        }
        json[at] = (byte)']';
        return new ExecutionEventBatch(executionId, runnerId, json);
    }

    /// <summary>A batch of the given events.</summary>
    public static ExecutionEventBatch Of(Guid executionId, string runnerId, IEnumerable<SequencedEvent> events) =>
        Create(executionId, runnerId, [.. events.Select(ContractJson.SerializeSequenced)]);

    /// <summary>The events, in the order written; throws <see cref="JsonException"/> when <see cref="Events"/> is not
    /// such an array.</summary>
    public IReadOnlyList<SequencedEvent> ReadEvents() => ContractJson.DeserializeSequenced(Events);

    /// <summary>The events one by one, as single <see cref="ExecutionEventMessage"/>s are.</summary>
    public IEnumerable<ExecutionEventMessage> ToMessages() =>
        ReadEvents().Select(e => new ExecutionEventMessage(ExecutionId, e.Sequence, RunnerId, e.Event));
}
