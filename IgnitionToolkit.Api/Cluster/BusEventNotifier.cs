using System.Threading.Channels;
using IgnitionToolkit.Api.Executions.Projection;
using IgnitionToolkit.Contracts.Live;
using MassTransit;

namespace IgnitionToolkit.Api.Cluster;

/// <summary>
/// Hands applied events to every API instance (<see cref="LiveEventsApplied"/>, a fan-out through the broker) instead
/// of this instance's hub only. The event consumer only queues them: one background pump publishes them in the order
/// they were applied, so the consumer's next batch does not wait for the broker's confirmation of this one (live
/// delivery is best effort; the events are already stored). A full queue (<see cref="Capacity"/>) makes the consumer wait.
/// </summary>
public sealed partial class BusEventNotifier(IBus bus, ILogger<BusEventNotifier> logger) : BackgroundService, IExecutionEventNotifier
{
    public const int Capacity = 1024;

    private readonly Channel<ExecutionEventsMessage> _queue =
        Channel.CreateBounded<ExecutionEventsMessage>(new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    public async Task EventsAppliedAsync(ExecutionEventsMessage applied, CancellationToken ct) =>
        await _queue.Writer.WriteAsync(applied, ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var applied in _queue.Reader.ReadAllAsync(stoppingToken))
                await PublishAsync(applied, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping: what is still queued is not delivered live; clients resynchronise over REST
        }
    }

    private async Task PublishAsync(ExecutionEventsMessage applied, CancellationToken ct)
    {
        try
        {
            await bus.Publish(LiveEventsApplied.From(applied), ct);
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
