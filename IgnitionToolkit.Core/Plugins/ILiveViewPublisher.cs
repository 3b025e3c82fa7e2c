namespace IgnitionToolkit.Core.Plugins;

/// <summary>
/// Sends live browser frames of an execution to whoever watches it (the Runner publishes them on the bus; the API
/// relays them to subscribed clients; frames are never stored). Optional: resolve it with
/// <c>context.Services.GetService&lt;ILiveViewPublisher&gt;()</c>; where it is absent (API, CLI) frames are dropped.
/// </summary>
public interface ILiveViewPublisher
{
    ValueTask PublishFrameAsync(Guid executionId, string? stepPath, ReadOnlyMemory<byte> jpeg, int width, int height, CancellationToken cancellationToken);
}
