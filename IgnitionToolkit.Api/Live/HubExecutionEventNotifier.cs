using IgnitionToolkit.Contracts.Live;
using Microsoft.AspNetCore.SignalR;

namespace IgnitionToolkit.Api.Live;

/// <summary>Pushes applied events to the execution's group and a change notice to the list group of this instance's hub.</summary>
public sealed partial class HubExecutionEventNotifier(IHubContext<ExecutionsHub> hub, ILogger<HubExecutionEventNotifier> logger)
{
    public async Task EventsAppliedAsync(ExecutionEventsMessage applied, CancellationToken ct)
    {
        try
        {
            await hub.Clients.Group(LiveGroups.Execution(applied.ExecutionId)).SendAsync(LiveHub.Messages.ExecutionEvents, applied, ct);
            await hub.Clients.Group(LiveGroups.List).SendAsync(
                LiveHub.Messages.ExecutionChanged, new ExecutionChangedMessage(applied.ExecutionId, applied.Status, applied.LastSequence), ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Live delivery is best effort: clients resynchronise over REST; the events are already stored.
            LogNotPushed(logger, applied.Events.Count, applied.ExecutionId, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not push {Count} event(s) of {ExecutionId} to live clients: {Message}")]
    private static partial void LogNotPushed(ILogger logger, int count, Guid executionId, string message);
}
