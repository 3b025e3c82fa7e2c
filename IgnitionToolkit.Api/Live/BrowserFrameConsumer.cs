using MassTransit;
using Microsoft.AspNetCore.SignalR;
using IgnitionToolkit.Contracts.Bus;
using IgnitionToolkit.Contracts.Live;

namespace IgnitionToolkit.Api.Live;

/// <summary>Relays a Runner's live browser frame to the clients watching that execution. Frames are never stored.</summary>
public sealed class BrowserFrameConsumer(IHubContext<ExecutionsHub> hub) : IConsumer<BrowserFrame>
{
    /// <summary>Frames older than this are dropped: a late picture of a live view is worse than none.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(10);

    public Task Consume(ConsumeContext<BrowserFrame> context)
    {
        var f = context.Message;
        if (DateTimeOffset.UtcNow - f.Timestamp > MaxAge) return Task.CompletedTask;
        return hub.Clients.Group(LiveGroups.Execution(f.ExecutionId)).SendAsync(
            LiveHub.Messages.BrowserFrame, new BrowserFrameMessage(f.ExecutionId, f.StepPath, f.Jpeg, f.Width, f.Height, f.Timestamp), context.CancellationToken);
    }
}
