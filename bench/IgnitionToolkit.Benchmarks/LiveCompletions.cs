using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using IgnitionToolkit.Contracts;
using IgnitionToolkit.Contracts.Live;
using IgnitionToolkit.Core.Execution.Status;
using IgnitionToolkit.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace IgnitionToolkit.Benchmarks;

/// <summary>
/// When executions end, as a live view learns it: the list group of the API's hub (<see cref="ExecutionChangedMessage"/>),
/// the way the Web's executions page watches. Polling the API every 5 ms instead spent an API's CPU share on the bench's
/// own GETs (about 150 of them per 1000-step run) in the runs it measured. A notice the hub did not deliver (live
/// delivery is best effort) is caught by a REST check every 250 ms, so a run never waits for it forever.
/// </summary>
internal sealed class LiveCompletions : IAsyncDisposable
{
    private static readonly TimeSpan Check = TimeSpan.FromMilliseconds(250);
    private readonly ToolkitStack _stack;
    private readonly HubConnection _hub;
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource<(ExecutionStatus Status, long At)>> _ends = new();

    private LiveCompletions(ToolkitStack stack, HubConnection hub) => (_stack, _hub) = (stack, hub);

    public static async Task<LiveCompletions> ConnectAsync(ToolkitStack stack)
    {
        var token = await stack.LoginAsync(ToolkitStack.AdminUser, ToolkitStack.AdminPassword);
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(stack.Api.BaseAddress, LiveHub.Path.TrimStart('/')), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .Build();
        var live = new LiveCompletions(stack, hub);
        hub.On<ExecutionChangedMessage>(LiveHub.Messages.ExecutionChanged, change => live.Ended(change.ExecutionId, change.Status));
        await hub.StartAsync();
        await hub.InvokeAsync(LiveHub.Methods.SubscribeList);
        return live;
    }

    /// <summary>Waits until execution <paramref name="id"/> has completed; when this client learnt it (a
    /// <see cref="Stopwatch"/> timestamp). Any other end is an error.</summary>
    public async Task<long> WaitCompletedAsync(Guid id, TimeSpan timeout)
    {
        var end = End(id).Task;
        var clock = Stopwatch.StartNew();
        while (!end.IsCompleted)
        {
            if (clock.Elapsed > timeout) throw new TimeoutException($"execution {id} did not end within {timeout}");
            try
            {
                await end.WaitAsync(Check);
            }
            catch (TimeoutException)
            {
                var execution = await _stack.GetExecutionAsync(id);
                Ended(id, execution["execution"]!["status"].Deserialize<ExecutionStatus>());
            }
        }
        _ends.TryRemove(id, out _);
        var (status, at) = await end;
        return status == ExecutionStatus.Completed ? at : throw new InvalidOperationException($"execution {id} ended {status}");
    }

    private void Ended(Guid id, ExecutionStatus status)
    {
        if (status.IsTerminal()) End(id).TrySetResult((status, Stopwatch.GetTimestamp()));
    }

    private TaskCompletionSource<(ExecutionStatus Status, long At)> End(Guid id) =>
        _ends.GetOrAdd(id, _ => new TaskCompletionSource<(ExecutionStatus, long)>(TaskCreationOptions.RunContinuationsAsynchronously));

    public ValueTask DisposeAsync() => _hub.DisposeAsync();
}
