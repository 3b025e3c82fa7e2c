using IgnitionToolkit.Contracts.Events;
using System.Collections.Concurrent;
using IgnitionToolkit.Runner.Extensions;
using IgnitionToolkit.Runner.Tests.Support;
using MassTransit;
using IgnitionToolkit.Contracts.Bus;
using IgnitionToolkit.Hosting.Bus;
using IgnitionToolkit.Testing;

namespace IgnitionToolkit.Runner.Tests.Bus;

/// <summary>Plays the API on the real broker: sends start commands, publishes control commands, and records the
/// Runners' events and heartbeats in arrival order (one message at a time).</summary>
public sealed class TestBus : IAsyncDisposable
{
    /// <summary>The credential transport key every Runner of the tests gets (a Runner runs as Production here, which requires one).</summary>
    public static readonly string CredentialKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    private readonly IBusControl _bus;
    private readonly string _prefix;
    private readonly ConcurrentQueue<ExecutionEventMessage> _events = new();
    private readonly ConcurrentQueue<RunnerHeartbeat> _heartbeats = new();

    private TestBus(string prefix)
    {
        _prefix = prefix;
        _bus = MassTransit.Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.UseBroker(BrokerAddress.Parse(TestServices.RabbitMq));
            cfg.UseBusPrefix(prefix);
            cfg.ReceiveEndpoint(new TemporaryEndpointDefinition("runner-tests"), e =>
            {
                e.PrefetchCount = 1;
                e.ConcurrentMessageLimit = 1;
                e.Handler<ExecutionEventMessage>(context =>
                {
                    _events.Enqueue(context.Message);
                    return Task.CompletedTask;
                });
                e.Handler<ExecutionEventBatch>(context =>
                {
                    foreach (var message in context.Message.ToMessages()) _events.Enqueue(message);
                    return Task.CompletedTask;
                });
                e.Handler<RunnerHeartbeat>(context =>
                {
                    _heartbeats.Enqueue(context.Message);
                    return Task.CompletedTask;
                });
            });
        });
    }

    public string Prefix => _prefix;
    public IReadOnlyList<RunnerHeartbeat> Heartbeats => _heartbeats.ToList();

    public static async Task<TestBus> StartAsync()
    {
        var bus = new TestBus($"test-{Guid.NewGuid():N}-");
        await bus._bus.StartAsync();
        return bus;
    }

    public async Task StartAsync(Guid executionId, string yaml, string parametersJson = "{}",
        IReadOnlyDictionary<string, string>? nested = null, string path = "tests/playbook.yaml", bool debug = false)
    {
        var endpoint = await _bus.GetSendEndpoint(BusEndpoints.ExecutionsQueueAddress(_prefix));
        await endpoint.Send(new StartExecution(executionId, path, yaml, nested ?? new Dictionary<string, string>(),
            parametersJson, debug, DateTimeOffset.UtcNow));
    }

    public Task ControlAsync(Guid executionId, string command) =>
        _bus.Publish(new ControlExecution(executionId, command, DateTimeOffset.UtcNow));

    public Task PublishAsync(ControlExecution command) => _bus.Publish(command);

    public IReadOnlyList<ExecutionEventMessage> EventsOf(Guid executionId) =>
        _events.Where(e => e.ExecutionId == executionId).ToList();

    public async Task<ExecutionEventMessage> WaitForAsync(Guid executionId, string kind, TimeSpan? timeout = null)
    {
        await Wait.UntilAsync(() => EventsOf(executionId).Any(e => e.Event.Kind == kind), timeout, $"{kind} of {executionId}");
        return EventsOf(executionId).First(e => e.Event.Kind == kind);
    }

    public async ValueTask DisposeAsync()
    {
        await _bus.StopAsync();
        await TestBroker.DeleteAsync(_prefix);
    }
}
