using System.Threading.Channels;
using IgnitionToolkit.Api.Executions.Projection;
using IgnitionToolkit.Api.Live;
using IgnitionToolkit.Contracts.Live;
using MassTransit;

namespace IgnitionToolkit.Api.Cluster;

/// <summary>
/// Hands applied events to the live clients of every API instance: this instance's hub directly, and — while other
/// instances are present (<see cref="ApiPeers"/>) — the others through the broker (<see cref="LiveEventsApplied"/>, a
/// fan-out). The event consumer only queues them: one background pump delivers them in the order they were applied, so
/// the consumer's next batch waits neither for live clients nor for the broker's confirmation (live delivery is best
/// effort; the events are already stored). A full queue (<see cref="Capacity"/>) makes the consumer wait.
/// </summary>
public sealed partial class LiveEventDelivery(IBus bus, HubExecutionEventNotifier hub, ApiPeers peers, ApiInstance self, ILogger<LiveEventDelivery> logger)
    : BackgroundService, IExecutionEventNotifier
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
            {
                await hub.EventsAppliedAsync(applied, stoppingToken);
                if (peers.OthersMayListen) await PublishAsync(applied, stoppingToken);
            }
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
            await bus.Publish(LiveEventsApplied.From(applied, self), ct);
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
