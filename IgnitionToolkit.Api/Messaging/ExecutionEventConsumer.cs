using System.Text.Json;
using IgnitionToolkit.Api.Executions.Projection;
using MassTransit;
using IgnitionToolkit.Contracts.Bus;

namespace IgnitionToolkit.Api.Messaging;

/// <summary>Receives the Runners' execution events (queue <see cref="BusEndpoints.ApiEventsQueue"/>) in batches,
/// one batch at a time, so each execution's events are applied in one unit of work and in order: the
/// <see cref="ExecutionEventBatch"/> a Runner publishes, and single <see cref="ExecutionEventMessage"/>s (Runners of
/// earlier versions, tools).</summary>
public sealed partial class ExecutionEventConsumer(ExecutionEventApplier applier, ILogger<ExecutionEventConsumer> logger)
    : IConsumer<Batch<ExecutionEventMessage>>, IConsumer<Batch<ExecutionEventBatch>>
{
    public const int BatchSize = 100;

    /// <summary>How long a batch waits for more messages after its first. Short: the last events of an execution (its
    /// end) wait this long before they are applied and reach live views; 10 ms cost the 1000-step bench run 10–13 %.</summary>
    public static readonly TimeSpan BatchWindow = TimeSpan.FromMilliseconds(2);

    public Task Consume(ConsumeContext<Batch<ExecutionEventMessage>> context) =>
        applier.ApplyAsync(context.Message.Select(m => m.Message), context.CancellationToken);

    public Task Consume(ConsumeContext<Batch<ExecutionEventBatch>> context) =>
        applier.ApplyAsync(Readable(context.Message.Select(m => m.Message), logger), context.CancellationToken);

    /// <summary>The events of every batch whose events can be read. A batch's events are read here, not by MassTransit
    /// (<see cref="ExecutionEventBatch.Events"/>): one that cannot be read is logged and left out, so it does not fail
    /// the other messages of the consumer batch with it (other executions' events) again and again into the error queue.</summary>
    public static IReadOnlyList<ExecutionEventMessage> Readable(IEnumerable<ExecutionEventBatch> batches, ILogger logger)
    {
        var messages = new List<ExecutionEventMessage>();
        foreach (var batch in batches)
        {
            try
            {
                messages.AddRange(batch.ToMessages());
            }
            catch (JsonException ex)
            {
                LogUnreadable(logger, batch.ExecutionId, batch.RunnerId, ex.Message);
            }
        }
        return messages;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Events of execution {ExecutionId} from Runner {RunnerId} could not be read and were dropped: {Reason}")]
    private static partial void LogUnreadable(ILogger logger, Guid executionId, string runnerId, string reason);
}
