using Microsoft.AspNetCore.SignalR;

namespace IgnitionToolkit.Api.Live;

/// <summary>
/// Live execution updates (<c>/hubs/executions</c>). Clients join the list group and/or one group per execution they
/// watch; the server pushes <see cref="LiveMessages"/> to them. Clients read the current state over REST after joining
/// and apply only events whose sequence is higher than the state's <c>last_sequence</c>.
/// </summary>
public sealed class ExecutionsHub : Hub
{
    /// <summary>Receive <see cref="LiveMessages.ExecutionChanged"/> for every execution.</summary>
    public Task SubscribeList() => Groups.AddToGroupAsync(Context.ConnectionId, LiveGroups.List);

    public Task UnsubscribeList() => Groups.RemoveFromGroupAsync(Context.ConnectionId, LiveGroups.List);

    /// <summary>Receive <see cref="LiveMessages.ExecutionEvents"/> and <see cref="LiveMessages.BrowserFrame"/> of one execution.</summary>
    public Task SubscribeExecution(Guid executionId) => Groups.AddToGroupAsync(Context.ConnectionId, LiveGroups.Execution(executionId));

    public Task UnsubscribeExecution(Guid executionId) => Groups.RemoveFromGroupAsync(Context.ConnectionId, LiveGroups.Execution(executionId));
}

/// <summary>Group names of <see cref="ExecutionsHub"/>.</summary>
public static class LiveGroups
{
    public const string List = "executions";

    public static string Execution(Guid executionId) => $"execution:{executionId:D}";
}

/// <summary>Names of the client methods the hub calls.</summary>
public static class LiveMessages
{
    /// <summary>Argument: <see cref="ExecutionEventsDto"/>, to the execution's group.</summary>
    public const string ExecutionEvents = "ExecutionEvents";

    /// <summary>Argument: <see cref="ExecutionChangedDto"/>, to the list group.</summary>
    public const string ExecutionChanged = "ExecutionChanged";

    /// <summary>Argument: <see cref="BrowserFrameDto"/>, to the execution's group.</summary>
    public const string BrowserFrame = "BrowserFrame";
}
