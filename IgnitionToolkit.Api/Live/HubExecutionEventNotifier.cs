using System.Text.Json;
using IgnitionToolkit.Api.Messaging;
using Microsoft.AspNetCore.SignalR;

namespace IgnitionToolkit.Api.Live;

/// <summary>Pushes applied events to the execution's group and a change notice to the list group of this instance's hub.</summary>
public sealed class HubExecutionEventNotifier(IHubContext<ExecutionsHub> hub, ILogger<HubExecutionEventNotifier> logger)
{
    public async Task EventsAppliedAsync(AppliedEvents applied, CancellationToken ct)
    {
        try
        {
            var events = applied.Events.Select(e => new LiveEventDto(e.Sequence, e.Kind, e.Timestamp, ParsePayload(e.PayloadJson))).ToList();
            await hub.Clients.Group(LiveGroups.Execution(applied.ExecutionId)).SendAsync(
                LiveMessages.ExecutionEvents, new ExecutionEventsDto(applied.ExecutionId, applied.Status, applied.LastSequence, events), ct);
            await hub.Clients.Group(LiveGroups.List).SendAsync(
                LiveMessages.ExecutionChanged, new ExecutionChangedDto(applied.ExecutionId, applied.Status, applied.LastSequence), ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Live delivery is best effort: clients resynchronise over REST; the events are already stored.
            logger.LogWarning("Could not push {Count} event(s) of {ExecutionId} to live clients: {Message}", applied.Events.Count, applied.ExecutionId, ex.Message);
        }
    }

    private static JsonElement ParsePayload(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return JsonSerializer.SerializeToElement(new { });
        }
    }
}
