using IgnitionToolkit.Contracts.Events;
using System.Collections.Concurrent;
using IgnitionToolkit.Api.Extensions;
using IgnitionToolkit.Hosting.Bus;
using MassTransit;
using IgnitionToolkit.Contracts.Bus;

namespace IgnitionToolkit.Api.Tests.Infrastructure;

/// <summary>Plays the Runner's side of the bus in tests: receives StartExecution and ControlExecution, publishes
/// execution events and heartbeats, with the same naming prefix as the API under test.</summary>
public sealed class FakeRunner(string prefix, Uri broker, string runnerId = "fake-runner") : IAsyncDisposable
{
    private IBusControl? _bus;

    public string RunnerId { get; } = runnerId;
    public ConcurrentQueue<StartExecution> Starts { get; } = new();
    public ConcurrentQueue<ControlExecution> Controls { get; } = new();

    public async Task StartAsync()
    {
        _bus = MassTransit.Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.UseBroker(BrokerAddress.Parse(broker.ToString()));
            cfg.UseBusPrefix(prefix);
            cfg.ReceiveEndpoint(BusEndpoints.ExecutionsQueue(prefix), e => e.Handler<StartExecution>(ctx =>
            {
                Starts.Enqueue(ctx.Message);
                return Task.CompletedTask;
            }));
            cfg.ReceiveEndpoint(BusEndpoints.RunnerControlQueue(prefix, RunnerId), e =>
            {
                e.AutoDelete = true;
                e.Durable = false;
                e.Handler<ControlExecution>(ctx =>
                {
                    Controls.Enqueue(ctx.Message);
                    return Task.CompletedTask;
                });
            });
        });
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var handle = await _bus.StartAsync(timeout.Token);
        await handle.Ready.WaitAsync(timeout.Token);
    }

    public Task PublishAsync(ExecutionEventMessage message) => RunnerBus.Publish(message);

    /// <summary>Several events of one execution in one message, as a Runner publishes them.</summary>
    public Task PublishBatchAsync(IReadOnlyList<ExecutionEventMessage> messages) =>
        RunnerBus.Publish(ExecutionEventBatch.Of(messages[0].ExecutionId, messages[0].RunnerId,
            messages.Select(m => new SequencedEvent(m.Sequence, m.Event))));

    public ExecutionEventMessage Event(Guid executionId, long sequence, ExecutionEvent executionEvent) =>
        new(executionId, sequence, RunnerId, executionEvent);

    public Task HeartbeatAsync(params Guid[] executionIds) =>
        RunnerBus.Publish(new RunnerHeartbeat(RunnerId, executionIds, 1, DateTimeOffset.UtcNow));

    private IBusControl RunnerBus => _bus ?? throw new InvalidOperationException("the fake runner is not started");

    public async ValueTask DisposeAsync()
    {
        if (_bus is not null) await _bus.StopAsync(TimeSpan.FromSeconds(10));
    }
}
