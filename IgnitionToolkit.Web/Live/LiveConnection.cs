using System.Text.Json;
using IgnitionToolkit.Contracts.Live;
using IgnitionToolkit.Web.Auth;
using Microsoft.AspNetCore.SignalR.Client;

namespace IgnitionToolkit.Web.Live;

public enum LiveState { Disconnected, Connecting, Connected, Reconnecting, Unavailable }

/// <summary>
/// One circuit's connection to the API hub (<c>/hubs/executions</c>): automatic reconnect with back-off, keep-alive
/// pings, the groups it joined re-joined after a reconnect, and <see cref="Resynchronized"/> raised after every
/// (re)connect so pages re-read the current state over REST before applying newer events. Signs in with the user's API token.
/// </summary>
public sealed class LiveConnection(IConfiguration configuration, IApiTokenSource tokens, ILogger<LiveConnection> logger) : IAsyncDisposable
{
    public static readonly string HubPath = LiveHub.Path.TrimStart('/');

    private readonly HashSet<Guid> _executions = [];
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private HubConnection? _hub;
    private int _listSubscribers;

    public LiveState State { get; private set; } = LiveState.Disconnected;
    public string? LastError { get; private set; }

    public event Action? StateChanged;
    public event Func<ExecutionEventsMessage, Task>? EventsReceived;
    public event Func<ExecutionChangedMessage, Task>? ExecutionChanged;
    public event Func<BrowserFrameMessage, Task>? FrameReceived;
    public event Func<Task>? Resynchronized;

    public async Task EnsureStartedAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_hub is not null) return;
            var api = ApiAddress.Resolve(configuration);
            if (api is null)
            {
                SetState(LiveState.Unavailable, "no API address configured");
                return;
            }
            if (await tokens.GetTokenAsync() is null)
            {
                SetState(LiveState.Unavailable, "sign in for live updates");
                return;
            }
            _hub = new HubConnectionBuilder()
                .WithUrl(new Uri(api, HubPath), o =>
                {
                    o.AccessTokenProvider = tokens.GetTokenAsync; // sent as access_token
                    // WebSockets without the negotiate round trip: one connection to one API instance, even behind a
                    // load balancer without sticky sessions (docs/deployment.md)
                    o.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.WebSockets;
                    o.SkipNegotiation = true;
                })
                .WithAutomaticReconnect(new ReconnectBackoff())
                .AddJsonProtocol(o => o.PayloadSerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase) // the hub's convention
                .Build();
            _hub.KeepAliveInterval = TimeSpan.FromSeconds(15);
            _hub.ServerTimeout = TimeSpan.FromSeconds(30);
            _hub.On<ExecutionEventsMessage>(LiveHub.Messages.ExecutionEvents, e => Raise(EventsReceived, e));
            _hub.On<ExecutionChangedMessage>(LiveHub.Messages.ExecutionChanged, e => Raise(ExecutionChanged, e));
            _hub.On<BrowserFrameMessage>(LiveHub.Messages.BrowserFrame, e => Raise(FrameReceived, e));
            _hub.Reconnecting += ex => { SetState(LiveState.Reconnecting, ex?.Message); return Task.CompletedTask; };
            _hub.Reconnected += _ => OnConnectedAsync();
            _hub.Closed += ex => { SetState(LiveState.Disconnected, ex?.Message); _ = Task.Run(ConnectLoopAsync); return Task.CompletedTask; };
        }
        finally
        {
            _gate.Release();
        }
        _ = Task.Run(ConnectLoopAsync);
    }

    public async Task SubscribeExecutionAsync(Guid id)
    {
        lock (_executions) _executions.Add(id);
        await InvokeIfConnectedAsync(LiveHub.Methods.SubscribeExecution, id);
    }

    public async Task UnsubscribeExecutionAsync(Guid id)
    {
        lock (_executions) _executions.Remove(id);
        await InvokeIfConnectedAsync(LiveHub.Methods.UnsubscribeExecution, id);
    }

    public async Task SubscribeListAsync()
    {
        if (Interlocked.Increment(ref _listSubscribers) == 1) await InvokeIfConnectedAsync(LiveHub.Methods.SubscribeList, null);
    }

    public async Task UnsubscribeListAsync()
    {
        if (Interlocked.Decrement(ref _listSubscribers) == 0) await InvokeIfConnectedAsync(LiveHub.Methods.UnsubscribeList, null);
    }

    private async Task ConnectLoopAsync()
    {
        for (var attempt = 0L; !_stop.IsCancellationRequested && _hub is { State: HubConnectionState.Disconnected }; attempt++)
        {
            SetState(attempt == 0 ? LiveState.Connecting : LiveState.Reconnecting, LastError);
            try
            {
                await _hub.StartAsync(_stop.Token);
                await OnConnectedAsync();
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !_stop.IsCancellationRequested)
            {
                LastError = ex.Message;
                logger.LogDebug("Live connection attempt {Attempt} failed: {Message}", attempt + 1, ex.Message);
                SetState(LiveState.Reconnecting, ex.Message);
                try { await Task.Delay(ReconnectBackoff.Delay(attempt), _stop.Token); } catch (OperationCanceledException) { return; }
            }
        }
    }

    private async Task OnConnectedAsync()
    {
        Guid[] ids;
        lock (_executions) ids = [.. _executions];
        foreach (var id in ids) await InvokeIfConnectedAsync(LiveHub.Methods.SubscribeExecution, id);
        if (Volatile.Read(ref _listSubscribers) > 0) await InvokeIfConnectedAsync(LiveHub.Methods.SubscribeList, null);
        SetState(LiveState.Connected, null);
        await Raise(Resynchronized);
    }

    private async Task InvokeIfConnectedAsync(string method, Guid? id)
    {
        if (_hub is not { State: HubConnectionState.Connected }) return; // joined on (re)connect
        try
        {
            if (id is { } value) await _hub.InvokeAsync(method, value, _stop.Token);
            else await _hub.InvokeAsync(method, _stop.Token);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogDebug("{Method} failed: {Message}", method, ex.Message);
        }
    }

    private void SetState(LiveState state, string? error)
    {
        State = state;
        LastError = error;
        StateChanged?.Invoke();
    }

    private async Task Raise<T>(Func<T, Task>? handlers, T value)
    {
        if (handlers is null) return;
        foreach (var handler in handlers.GetInvocationList().Cast<Func<T, Task>>())
        {
            try { await handler(value); }
            catch (Exception ex) { logger.LogWarning(ex, "A live update handler failed"); }
        }
    }

    private Task Raise(Func<Task>? handlers) => Raise<int>(handlers is null ? null : _ => handlers(), 0);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_hub is not null) await _hub.DisposeAsync();
        _stop.Dispose();
        _gate.Dispose();
    }
}
