using IgnitionToolkit.Contracts.Live;
using Microsoft.AspNetCore.SignalR;

namespace IgnitionToolkit.Api.Live;

/// <summary>
/// Live execution updates (<see cref="LiveHub"/>: <c>/hubs/executions</c>). Clients join the list group and/or one group
/// per execution they watch; the server pushes <see cref="LiveHub.Messages"/> to them. Clients read the current state
/// over REST after joining and apply only events whose sequence is higher than the state's <c>last_sequence</c>.
/// </summary>
public sealed class ExecutionsHub : Hub
{
    /// <summary><see cref="LiveHub.Methods.SubscribeList"/>: receive <see cref="LiveHub.Messages.ExecutionChanged"/> for every execution.</summary>
    public Task SubscribeList() => Groups.AddToGroupAsync(Context.ConnectionId, LiveGroups.List);

    public Task UnsubscribeList() => Groups.RemoveFromGroupAsync(Context.ConnectionId, LiveGroups.List);

    /// <summary><see cref="LiveHub.Methods.SubscribeExecution"/>: receive <see cref="LiveHub.Messages.ExecutionEvents"/> and
    /// <see cref="LiveHub.Messages.BrowserFrame"/> of one execution.</summary>
    public Task SubscribeExecution(Guid executionId) => Groups.AddToGroupAsync(Context.ConnectionId, LiveGroups.Execution(executionId));

    public Task UnsubscribeExecution(Guid executionId) => Groups.RemoveFromGroupAsync(Context.ConnectionId, LiveGroups.Execution(executionId));
}

/// <summary>Group names of <see cref="ExecutionsHub"/> (server side only).</summary>
public static class LiveGroups
{
    public const string List = "executions";

    public static string Execution(Guid executionId) => $"execution:{executionId:D}";
}
