using TempFolder = IgnitionToolkit.Testing.TempFolder;
using IgnitionToolkit.Contracts.Events;
using IgnitionToolkit.Runner.Tests.Support;
using Wait = IgnitionToolkit.Testing.Wait;

namespace IgnitionToolkit.Runner.Tests.Bus;

/// <summary>No start command is lost or run twice: waiting commands go back to the queue, duplicates are ignored.</summary>
[Trait("Category", "Functional")]
public sealed class RunnerQueueTests : IAsyncLifetime
{
    private readonly TempFolder _data = new();
    private readonly List<RunnerHost> _hosts = [];
    private TestBus _bus = null!;

    public async Task InitializeAsync() => _bus = await TestBus.StartAsync();

    private async Task<RunnerHost> StartRunnerAsync(int capacity, params string[] extraArgs)
    {
        var host = await RunnerHost.StartAsync(_bus.Prefix, $"runner-{_hosts.Count + 1}-{Guid.NewGuid():N}"[..20], capacity, _data.Path, extraArgs);
        _hosts.Add(host);
        return host;
    }

    [Fact]
    public async Task A_start_waiting_for_a_slot_when_the_runner_stops_is_taken_by_another_runner()
    {
        var first = await StartRunnerAsync(capacity: 1);
        var a = Guid.NewGuid();
        var b = Guid.NewGuid();
        await _bus.StartAsync(a, TestPlaybooks.Blocking);
        await _bus.WaitForAsync(a, "step_started");
        await _bus.StartAsync(b, TestPlaybooks.Blocking);

        await first.StopAsync();
        await _bus.WaitForAsync(a, "execution_finished");
        var second = await StartRunnerAsync(capacity: 1);

        var started = await _bus.WaitForAsync(b, "execution_started");
        Assert.Equal(second.Id, started.RunnerId);
        Assert.Equal(1, started.Sequence);
        Assert.DoesNotContain(first.Engine.Requests, r => r.ExecutionId == b);
        await _bus.ControlAsync(b, "cancel");
        await _bus.WaitForAsync(b, "execution_finished");
    }

    [Fact]
    public async Task A_start_that_waited_past_the_slot_timeout_goes_back_to_the_queue_and_runs_later()
    {
        var runner = await StartRunnerAsync(1, "--Runner:SlotWaitTimeout=00:00:00.300");
        var a = Guid.NewGuid();
        var b = Guid.NewGuid();
        await _bus.StartAsync(a, TestPlaybooks.Blocking);
        await _bus.WaitForAsync(a, "step_started");
        await _bus.StartAsync(b, TestPlaybooks.Blocking);
        var beats = _bus.Heartbeats.Count;
        await Wait.UntilAsync(() => _bus.Heartbeats.Count >= beats + 5, what: "a second of heartbeats");
        Assert.Empty(_bus.EventsOf(b));

        await _bus.ControlAsync(a, "cancel");

        await _bus.WaitForAsync(b, "execution_started");
        Assert.Equal(2, runner.Engine.Requests.Count);
        await _bus.ControlAsync(b, "cancel");
        await _bus.WaitForAsync(b, "execution_finished");
    }

    [Fact]
    public async Task A_duplicate_start_of_a_running_execution_is_ignored()
    {
        var runner = await StartRunnerAsync(capacity: 2);
        var a = Guid.NewGuid();
        await _bus.StartAsync(a, TestPlaybooks.Blocking);
        await _bus.WaitForAsync(a, "step_started");

        await _bus.StartAsync(a, TestPlaybooks.Blocking);
        var other = Guid.NewGuid();
        await _bus.StartAsync(other, TestPlaybooks.ThreeLogs);
        await _bus.WaitForAsync(other, "execution_finished");

        Assert.Single(runner.Engine.Requests, r => r.ExecutionId == a);
        Assert.Single(_bus.EventsOf(a), e => e.Event.Kind == "execution_started");
        await _bus.ControlAsync(a, "cancel");
        await _bus.WaitForAsync(a, "execution_finished");
    }

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts) await host.DisposeAsync();
        await _bus.DisposeAsync();
        _data.Dispose();
    }
}
