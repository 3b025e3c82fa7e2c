using TempFolder = IgnitionToolkit.Testing.TempFolder;
using IgnitionToolkit.Contracts.Events;
using System.Diagnostics;
using System.Text.Json;
using IgnitionToolkit.Core.Execution;
using IgnitionToolkit.Runner.Execution;
using IgnitionToolkit.Runner.Tests.Support;
using IgnitionToolkit.Contracts;
using IgnitionToolkit.Contracts.Bus;
using Wait = IgnitionToolkit.Testing.Wait;

namespace IgnitionToolkit.Runner.Tests.Bus;

/// <summary>The hosted Runner on the real RabbitMQ (unique prefix per test), with the real engine.</summary>
[Trait("Category", "Functional")]
public sealed class RunnerBusTests : IAsyncLifetime
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

    private static JsonElement Payload(ExecutionEventMessage message) => JsonSerializer.SerializeToElement(message.Event, ContractJson.Options);

    [Fact]
    public async Task Start_leads_to_events_numbered_from_1_in_order_ending_with_execution_finished()
    {
        var runner = await StartRunnerAsync(capacity: 4);
        var id = Guid.NewGuid();

        await _bus.StartAsync(id, TestPlaybooks.ThreeLogs);
        await _bus.WaitForAsync(id, "execution_finished");

        var events = _bus.EventsOf(id);
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e.Sequence));
        Assert.Equal(
            ["execution_started", "step_started", "log", "step_finished", "step_started", "log", "step_finished",
             "step_started", "log", "step_finished", "execution_finished"],
            events.Select(e => e.Event.Kind).Where(k => k != "status_changed"));
        Assert.All(events, e => Assert.Equal(runner.Id, e.RunnerId));
        Assert.Equal("completed", Payload(events[^1]).GetProperty("status").GetString());
        var firstStep = Payload(events.First(e => e.Event.Kind == "step_finished"));
        Assert.Equal("first", firstStep.GetProperty("stepId").GetString());
        Assert.Equal("completed", firstStep.GetProperty("status").GetString());
        Assert.True(firstStep.GetProperty("durationMs").GetDouble() >= 0);
        Assert.Equal("two", Payload(events.Where(e => e.Event.Kind == "log").ElementAt(1)).GetProperty("message").GetString());
    }

    [Fact]
    public async Task Nested_playbooks_sent_with_the_start_command_run_under_the_calling_step()
    {
        await StartRunnerAsync(capacity: 4);
        var id = Guid.NewGuid();

        await _bus.StartAsync(id, TestPlaybooks.Parent, nested: new Dictionary<string, string> { ["nested/child.yaml"] = TestPlaybooks.Child },
            path: "nested/parent.yaml");
        var finished = await _bus.WaitForAsync(id, "execution_finished");

        Assert.Equal("completed", Payload(finished).GetProperty("status").GetString());
        var inner = _bus.EventsOf(id).Where(e => e.Event.Kind == "step_started").Select(Payload)
            .Single(p => p.GetProperty("stepId").GetString() == "inner");
        Assert.Equal("call", inner.GetProperty("parentPath").GetString());
        Assert.Contains(_bus.EventsOf(id), e => e.Event.Kind == "log" && Payload(e).GetProperty("message").GetString() == "hello from the child");
    }

    [Fact]
    public async Task Parameters_keep_their_types_and_artifacts_get_a_folder_per_execution()
    {
        var runner = await StartRunnerAsync(capacity: 4);
        var id = Guid.NewGuid();

        await _bus.StartAsync(id, TestPlaybooks.Typed, """{"count": 5, "ratio": 0.5, "enabled": true, "items": [1, "a"], "options": {"k": null}}""");
        await _bus.WaitForAsync(id, "execution_finished");

        var request = Assert.Single(runner.Engine.Requests);
        Assert.Equal(5L, request.Parameters["count"]);
        Assert.Equal(0.5, request.Parameters["ratio"]);
        Assert.Equal(true, request.Parameters["enabled"]);
        Assert.Equal(new List<object?> { 1L, "a" }, request.Parameters["items"]);
        Assert.Null(Assert.IsType<Dictionary<string, object?>>(request.Parameters["options"])["k"]);
        Assert.Equal(Path.Combine(_data.Path, "artifacts", id.ToString()), request.ArtifactDirectory);
        Assert.True(Directory.Exists(request.ArtifactDirectory));
    }

    [Fact]
    public async Task Invalid_playbook_is_reported_as_a_failed_execution_with_the_diagnostics()
    {
        var runner = await StartRunnerAsync(capacity: 4);
        var id = Guid.NewGuid();

        await _bus.StartAsync(id, TestPlaybooks.UnknownStepType);
        var finished = await _bus.WaitForAsync(id, "execution_finished");

        Assert.Equal(1, finished.Sequence);
        var payload = Payload(finished);
        Assert.Equal("failed", payload.GetProperty("status").GetString());
        Assert.Contains("tests/playbook.yaml:6:11: error: steps[0].type: unknown step type 'utility.does_not_exist'", payload.GetProperty("error").GetString());
        Assert.Empty(runner.Engine.Requests);
    }

    [Fact]
    public async Task With_capacity_1_the_second_execution_waits_for_the_first_and_heartbeats_list_the_owned_one()
    {
        var runner = await StartRunnerAsync(capacity: 1);
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();

        await _bus.StartAsync(first, TestPlaybooks.Blocking);
        await _bus.WaitForAsync(first, "step_started");
        await _bus.StartAsync(second, TestPlaybooks.Blocking);
        var seen = _bus.Heartbeats.Count;
        await Wait.UntilAsync(() => _bus.Heartbeats.Count >= seen + 3, what: "three more heartbeats");

        var heartbeat = _bus.Heartbeats[^1];
        Assert.Equal(runner.Id, heartbeat.RunnerId);
        Assert.Equal(1, heartbeat.Capacity);
        Assert.Equal([first], heartbeat.ExecutionIds);
        Assert.Empty(_bus.EventsOf(second));

        await _bus.ControlAsync(first, "cancel");
        Assert.Equal("cancelled", Payload(await _bus.WaitForAsync(first, "execution_finished")).GetProperty("status").GetString());
        await _bus.WaitForAsync(second, "execution_started");
        await Wait.UntilAsync(() => _bus.Heartbeats[^1].ExecutionIds.SequenceEqual([second]), what: "heartbeat listing the second execution");

        await _bus.ControlAsync(second, "cancel");
        await _bus.WaitForAsync(second, "execution_finished");
    }

    [Fact]
    public async Task Two_runners_share_the_queue_and_control_reaches_only_the_owner()
    {
        var runners = new[] { await StartRunnerAsync(capacity: 1), await StartRunnerAsync(capacity: 1) };
        var a = Guid.NewGuid();
        var b = Guid.NewGuid();

        await _bus.StartAsync(a, TestPlaybooks.Blocking);
        await _bus.StartAsync(b, TestPlaybooks.Blocking);
        var ownerOfA = (await _bus.WaitForAsync(a, "step_started")).RunnerId;
        var ownerOfB = (await _bus.WaitForAsync(b, "step_started")).RunnerId;
        Assert.NotEqual(ownerOfA, ownerOfB);

        await _bus.ControlAsync(a, "pause");
        var owner = runners.Single(r => r.Id == ownerOfA);
        var other = runners.Single(r => r.Id != ownerOfA);
        await Wait.UntilAsync(() => owner.Engine.Commands[a].Contains(ExecutionCommand.Pause), what: "pause at the owner");
        Assert.Equal([ExecutionCommand.Pause], owner.Engine.Commands[a]);
        Assert.False(other.Engine.Commands.ContainsKey(a));

        await _bus.ControlAsync(a, "skip-back");
        await Wait.UntilAsync(() => owner.Engine.Commands[a].Contains(ExecutionCommand.SkipBack), what: "skip-back at the owner");
        await _bus.ControlAsync(a, "cancel");
        await _bus.ControlAsync(b, "cancel");
        await _bus.WaitForAsync(a, "execution_finished");
        await _bus.WaitForAsync(b, "execution_finished");
        var sequences = _bus.EventsOf(a).Select(e => e.Sequence).ToList();
        Assert.Equal(Enumerable.Range(1, sequences.Count).Select(i => (long)i), sequences);
    }

    [Fact]
    public async Task Stopping_the_host_reports_running_executions_cancelled_and_stops_without_waiting_for_them()
    {
        var runner = await StartRunnerAsync(capacity: 4);
        var ids = new[] { Guid.NewGuid(), Guid.NewGuid() };
        foreach (var id in ids) await _bus.StartAsync(id, TestPlaybooks.Blocking);
        foreach (var id in ids) await _bus.WaitForAsync(id, "step_started");

        var clock = Stopwatch.StartNew();
        await runner.StopAsync();
        clock.Stop();

        // the steps last 600 s: stopping long before shows the host did not wait for them (10 s is the promise, not a test)
        Assert.True(clock.Elapsed < TimeSpan.FromMinutes(5), $"stopping took {clock.Elapsed}");
        foreach (var id in ids)
        {
            var finished = Payload(await _bus.WaitForAsync(id, "execution_finished", TimeSpan.FromSeconds(120)));
            Assert.Equal("cancelled", finished.GetProperty("status").GetString());
            Assert.Equal("runner shutting down", finished.GetProperty("error").GetString());
        }
    }

    [Fact]
    public async Task Start_of_an_execution_cancelled_while_pending_is_skipped_and_reported_cancelled()
    {
        var runner = await StartRunnerAsync(capacity: 4);
        var id = Guid.NewGuid();

        await _bus.ControlAsync(id, "cancel");
        await Wait.UntilAsync(() => runner.Service<EarlyCancellations>().Count == 1, what: "the cancel to reach the Runner");
        await _bus.StartAsync(id, TestPlaybooks.Blocking);
        var finished = await _bus.WaitForAsync(id, "execution_finished");

        Assert.Equal(1, finished.Sequence);
        Assert.Equal("cancelled", Payload(finished).GetProperty("status").GetString());
        Assert.Contains("cancelled before", Payload(finished).GetProperty("error").GetString());
        Assert.Empty(runner.Engine.Requests);
        Assert.Single(_bus.EventsOf(id));

        var next = Guid.NewGuid();
        await _bus.StartAsync(next, TestPlaybooks.ThreeLogs);
        Assert.Equal("completed", Payload(await _bus.WaitForAsync(next, "execution_finished")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Health_includes_the_bus_and_the_runner()
    {
        var runner = await StartRunnerAsync(capacity: 3);
        using var http = new HttpClient { BaseAddress = runner.BaseAddress };

        var response = await http.GetAsync("/health");
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.IsSuccessStatusCode, body);
        var components = JsonDocument.Parse(body).RootElement.GetProperty("components");
        Assert.Equal("0/3 executions", components.GetProperty("runner").GetProperty("description").GetString());
        Assert.Contains(components.EnumerateObject(), c => c.Name.Contains("masstransit", StringComparison.OrdinalIgnoreCase));
    }

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts) await host.DisposeAsync();
        await _bus.DisposeAsync();
        _data.Dispose();
    }
}
