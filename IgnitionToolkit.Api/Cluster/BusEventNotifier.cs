using IgnitionToolkit.Api.Executions.Projection;
using IgnitionToolkit.Contracts.Live;
using MassTransit;

namespace IgnitionToolkit.Api.Cluster;

/// <summary>Hands applied events to every API instance (<see cref="LiveEventsApplied"/>, a fan-out through the broker)
/// instead of this instance's hub only.</summary>
public sealed partial class BusEventNotifier(IBus bus, ILogger<BusEventNotifier> logger) : IExecutionEventNotifier
{
    public async Task EventsAppliedAsync(ExecutionEventsMessage applied, CancellationToken ct)
    {
        try
        {
            await bus.Publish(new LiveEventsApplied(applied), ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Live delivery is best effort: clients resynchronise over REST; the events are already stored.
            LogNotPublished(logger, applied.Events.Count, applied.ExecutionId, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not publish {Count} live event(s) of {ExecutionId}: {Message}")]
    private static partial void LogNotPublished(ILogger logger, int count, Guid executionId, string message);
}
