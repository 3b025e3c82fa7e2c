using IgnitionToolkit.Core.Plugins;
using MassTransit;
using IgnitionToolkit.Contracts.Bus;

namespace IgnitionToolkit.Runner.Messaging;

/// <summary>Publishes live browser frames as <see cref="BrowserFrame"/> messages (the API relays them; nothing stores them).
/// A frame that cannot be published within a second is dropped: the next one follows shortly.</summary>
public sealed partial class BusLiveViewPublisher(IBus bus, TimeProvider clock, ILogger<BusLiveViewPublisher> logger) : ILiveViewPublisher
{
    public async ValueTask PublishFrameAsync(Guid executionId, string? stepPath, ReadOnlyMemory<byte> jpeg, int width, int height,
        CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(1));
        try
        {
            await bus.Publish(new BrowserFrame(executionId, stepPath, jpeg.ToArray(), width, height, clock.GetUtcNow()), timeout.Token);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException && !cancellationToken.IsCancellationRequested)
        {
            LogDropped(logger, executionId, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "live view frame of execution {ExecutionId} dropped: {Reason}")]
    private static partial void LogDropped(ILogger logger, Guid executionId, string reason);
}
