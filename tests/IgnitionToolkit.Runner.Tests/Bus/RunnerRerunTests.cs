using IgnitionToolkit.Contracts.Events;
using System.Text.Json;
using IgnitionToolkit.Core.Security;
using IgnitionToolkit.Runner.Tests.Support;
using IgnitionToolkit.Contracts.Bus;
using IgnitionToolkit.Testing;

namespace IgnitionToolkit.Runner.Tests.Bus;

/// <summary>The <c>rerun</c> control command and idle presence heartbeats, through the hosted Runner on the real RabbitMQ.</summary>
[Trait("Category", "Functional")]
public sealed class RunnerRerunTests : IAsyncLifetime
{
    private const string FailingWait = """
        name: bad wait
        version: "1.0"
        steps:
          - id: nap
            name: Nap
            type: utility.wait
            parameters:
              seconds: -1
        """;

    private readonly TempFolder _data = new();
    private TestBus _bus = null!;
    private RunnerHost? _runner;

    public async Task InitializeAsync() => _bus = await TestBus.StartAsync();

    private static JsonElement Payload(ExecutionEventMessage message) => JsonSerializer.SerializeToElement(message.Event, ContractJson.Options);

    [Fact]
    public async Task Rerun_with_edited_parameters_runs_the_failed_step_again_and_the_execution_completes()
    {
        _runner = await RunnerHost.StartAsync(_bus.Prefix, $"rerun-{Guid.NewGuid():N}"[..16], 2, _data.Path);
        var id = Guid.NewGuid();
        await _bus.StartAsync(id, FailingWait, debug: true);
        await _bus.WaitForAsync(id, "debug_paused");
        await Wait.UntilAsync(() => _bus.EventsOf(id).Any(e => e.Event.Kind == "status_changed" && Payload(e).GetProperty("status").GetString() == "paused"),
            what: "paused");

        await _bus.PublishAsync(new ControlExecution(id, "rerun", DateTimeOffset.UtcNow) { StepPath = "nap", ParametersJson = """{"seconds": "oops"}""" });
        await Wait.UntilAsync(() => _bus.EventsOf(id).Any(e => e.Event.Kind == "log" && Payload(e).GetProperty("message").GetString()!.Contains("re-run refused")),
            what: "refusal in the execution log");
        var refusal = _bus.EventsOf(id).Select(e => e.Event.Kind == "log" ? Payload(e).GetProperty("message").GetString() : null).First(m => m?.Contains("re-run refused") == true);
        Assert.Contains("parameter 'seconds' must be a number", refusal);

        await _bus.PublishAsync(new ControlExecution(id, "rerun", DateTimeOffset.UtcNow) { StepPath = "nap", ParametersJson = """{"seconds": 0}""" });
        var finished = await _bus.WaitForAsync(id, "execution_finished");

        Assert.Equal("completed", Payload(finished).GetProperty("status").GetString());
        var last = Payload(_bus.EventsOf(id).Last(e => e.Event.Kind == "step_finished"));
        Assert.Equal("completed", last.GetProperty("status").GetString());
        Assert.Equal(2, last.GetProperty("attempt").GetInt32());
    }

    [Fact]
    public async Task Sealed_secret_edits_are_opened_by_the_runner_and_never_published()
    {
        var key = Convert.ToBase64String(SecretEnvelope.NewKey());
        _runner = await RunnerHost.StartAsync(_bus.Prefix, $"seal-{Guid.NewGuid():N}"[..16], 2, _data.Path, $"--{CredentialTransport.ConfigurationKey}={key}");
        var id = Guid.NewGuid();
        await _bus.StartAsync(id, FailingWait, debug: true);
        await _bus.WaitForAsync(id, "debug_paused");
        await Wait.UntilAsync(() => _bus.EventsOf(id).Any(e => e.Event.Kind == "status_changed" && Payload(e).GetProperty("status").GetString() == "paused"),
            what: "paused");
        const string Secret = "Sealed-S3cret-value";
        var bundle = new CredentialBundle(new Dictionary<string, IReadOnlyDictionary<string, string>>(), new Dictionary<string, string> { ["password"] = Secret });

        await _bus.PublishAsync(new ControlExecution(id, "rerun", DateTimeOffset.UtcNow)
        {
            StepPath = "nap", ParametersJson = """{"seconds": 0}""", EncryptedParameters = new CredentialTransport(key).Seal(bundle, id),
        });

        // utility.wait has no 'password': the engine refuses, which shows the sealed edit was opened and checked.
        await Wait.UntilAsync(() => _bus.EventsOf(id).Any(e => e.Event.Kind == "log" && Payload(e).GetProperty("message").GetString()!.Contains("'password' is not a parameter")),
            what: "refusal naming the decrypted parameter");
        Assert.DoesNotContain(_bus.EventsOf(id), e => ContractJson.SerializeEvent(e.Event).Contains(Secret, StringComparison.Ordinal));
        await _bus.ControlAsync(id, "cancel");
        await _bus.WaitForAsync(id, "execution_finished");
    }

    [Fact]
    public async Task An_idle_runner_publishes_presence_heartbeats()
    {
        _runner = await RunnerHost.StartAsync(_bus.Prefix, $"idle-{Guid.NewGuid():N}"[..16], 3, _data.Path, "--Runner:PresenceInterval=00:00:00.300");

        await Wait.UntilAsync(() => _bus.Heartbeats.Count(h => h.RunnerId == _runner.Id) >= 2, what: "two presence heartbeats");

        var beat = _bus.Heartbeats.Last(h => h.RunnerId == _runner.Id);
        Assert.Empty(beat.ExecutionIds);
        Assert.Equal(3, beat.Capacity);
    }

    public async Task DisposeAsync()
    {
        if (_runner is not null) await _runner.DisposeAsync();
        await _bus.DisposeAsync();
        _data.Dispose();
    }
}
