using TempFolder = IgnitionToolkit.Testing.TempFolder;
using IgnitionToolkit.Contracts.Events;
using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using IgnitionToolkit.Runner.Tests.Bus;
using IgnitionToolkit.Runner.Tests.Support;
using Wait = IgnitionToolkit.Testing.Wait;
using TestServices = IgnitionToolkit.Testing.TestServices;

namespace IgnitionToolkit.Runner.Tests.Process;

/// <summary>The built Runner executable, started from /tmp on the real broker (unique prefix), running a long
/// <c>utility.wait</c> on the real engine when it is signalled.</summary>
[Trait("Category", "Functional")]
public sealed partial class RunnerSignalTests : IAsyncLifetime
{
    private readonly TempFolder _data = new();
    private TestBus _bus = null!;

    public async Task InitializeAsync() => _bus = await TestBus.StartAsync();

    private RunnerProcess StartRunner() => new([], new Dictionary<string, string>
    {
        ["ConnectionStrings__messaging"] = TestServices.RabbitMq,
        ["Toolkit__Bus__Prefix"] = _bus.Prefix,
        ["Toolkit__DataDirectory"] = _data.Path,
        ["Runner__HeartbeatInterval"] = "00:00:00.500",
        ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
    }, workingDirectory: Path.GetTempPath());

    private async Task<Guid> StartLongWaitAsync(RunnerProcess runner)
    {
        await Wait.UntilAsync(() => ListeningOn().IsMatch(runner.Output), TimeSpan.FromSeconds(60), "the Runner to listen");
        var id = Guid.NewGuid();
        await _bus.StartAsync(id, TestPlaybooks.Blocking);
        await _bus.WaitForAsync(id, "step_started", TimeSpan.FromSeconds(30));
        return id;
    }

    [Fact]
    public async Task Sigterm_publishes_the_running_execution_cancelled_and_exits_0_without_waiting_for_it()
    {
        using var runner = StartRunner();
        var id = await StartLongWaitAsync(runner);

        var clock = Stopwatch.StartNew();
        await runner.TerminateAsync();
        var code = await runner.WaitForExitAsync(TimeSpan.FromMinutes(5));
        clock.Stop();

        // the step lasts 600 s: exiting long before shows the Runner did not wait for it (10 s is the promise, not a test)
        Assert.True(clock.Elapsed < TimeSpan.FromMinutes(5), $"exit took {clock.Elapsed}");
        Assert.Equal(0, code);
        var finished = JsonSerializer.SerializeToElement((await _bus.WaitForAsync(id, "execution_finished", TimeSpan.FromSeconds(120))).Event, ContractJson.Options);
        Assert.Equal("cancelled", finished.GetProperty("status").GetString());
        Assert.Contains("runner shutting down", finished.GetProperty("error").GetString());
        Assert.DoesNotContain("   at ", runner.Output);
    }

    [Fact]
    public async Task Sigkilled_runner_leaves_no_child_process_behind()
    {
        using var runner = StartRunner();
        await StartLongWaitAsync(runner);
        var children = runner.Descendants();

        await runner.KillAsync();
        var code = await runner.WaitForExitAsync(TimeSpan.FromSeconds(120));

        Assert.Equal(137, code);
        Assert.DoesNotContain(children, RunnerProcess.IsAlive);
    }

    public async Task DisposeAsync()
    {
        await _bus.DisposeAsync();
        _data.Dispose();
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningOn();
}
