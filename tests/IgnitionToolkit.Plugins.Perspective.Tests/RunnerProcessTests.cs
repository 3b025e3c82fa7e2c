using IgnitionToolkit.GatewaySimulator.Hosting;
using IgnitionToolkit.Plugins.Perspective.Browser;
using IgnitionToolkit.Plugins.Perspective.Tests.Infrastructure;
using IgnitionToolkit.Testing;

namespace IgnitionToolkit.Plugins.Perspective.Tests;

/// <summary>
/// The built API and Runner as real processes (real RabbitMQ): a Runner executing a browser step is stopped with
/// SIGTERM or killed with SIGKILL, and no Chromium or Playwright driver process it started may remain.
/// </summary>
[Trait("Category", "Functional")]
[Collection(ProcessCounting.Name)]
public sealed class RunnerProcessTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const string HoldPlaybook = """
        name: "Hold a Perspective page open"
        version: "1.0"
        parameters:
          - name: gateway_url
            type: string
            required: true
        steps:
          - id: open
            type: perspective.navigate
            parameters: { gateway_url: "{{ parameter.gateway_url }}", project: Demo_HMI }
          - id: hold
            type: perspective.wait_for
            parameters: { selector: "#never", timeout: 300 }
            timeout: 600
        """;

    [Fact]
    public async Task Runner_SIGTERM_closes_the_browser_and_its_driver()
    {
        if (!OperatingSystem.IsLinux()) return;
        await using var sim = await SimulatorServer.StartAsync();
        await using var stack = await ToolkitStack.StartAsync();
        var runner = stack.Runners[0];
        var processes = await StartHoldingExecutionAsync(stack, sim, runner);
        using (var http = new HttpClient { BaseAddress = runner.BaseAddress })
        {
            var health = System.Text.Json.Nodes.JsonNode.Parse(await http.GetStringAsync("health"))!["components"]!["browser"]!;
            output.WriteLine($"health: {health.ToJsonString()}");
            Assert.Equal("Healthy", health["status"]!.GetValue<string>());
            Assert.Contains("Chromium", health["description"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Contains("1 open contexts", health["description"]!.GetValue<string>(), StringComparison.Ordinal);
        }

        await runner.TerminateAsync(TimeSpan.FromSeconds(30));

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var left = await BrowserProcesses.WaitGoneAsync(processes);
        output.WriteLine($"after SIGTERM: {processes.Count - left.Count}/{processes.Count} browser processes gone within {clock.Elapsed.TotalSeconds:0.0} s of the Runner's exit");
        Assert.True(left.Count == 0, "left behind after SIGTERM:\n" + BrowserProcesses.Describe(left) + "\n" + runner.Output);
        Assert.Contains("browser closed", runner.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Runner_SIGKILL_leaves_no_browser_or_driver_behind()
    {
        if (!OperatingSystem.IsLinux()) return;
        await using var sim = await SimulatorServer.StartAsync();
        await using var stack = await ToolkitStack.StartAsync();
        var runner = stack.Runners[0];
        var processes = await StartHoldingExecutionAsync(stack, sim, runner);

        using (var kill = System.Diagnostics.Process.Start("kill", $"-KILL {runner.Id}")) await kill.WaitForExitAsync();

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var left = await BrowserProcesses.WaitGoneAsync(processes);
        output.WriteLine($"after SIGKILL: {processes.Count - left.Count}/{processes.Count} browser processes gone within {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.True(left.Count == 0, "left behind after SIGKILL of the Runner:\n" + BrowserProcesses.Describe(left));
    }

    private async Task<IReadOnlyList<ProcessEntry>> StartHoldingExecutionAsync(ToolkitStack stack, SimulatorServer sim, ToolkitProcess runner)
    {
        await File.WriteAllTextAsync(Path.Combine(stack.Library, "perspective_hold.yaml"), HoldPlaybook);
        var id = await stack.StartExecutionAsync("perspective_hold.yaml", new { gateway_url = sim.BaseAddress.ToString().TrimEnd('/') });
        await stack.WaitForAsync(id, e => e["steps"]?.AsArray().Any(s => s?["step_id"]?.GetValue<string>() == "open"
            && string.Equals(s["status"]?.GetValue<string>(), "completed", StringComparison.OrdinalIgnoreCase)) == true, 90);
        var processes = BrowserProcesses.Under(runner.Id);
        Assert.Contains(processes, BrowserProcesses.IsDriver);
        Assert.Contains(processes, BrowserProcesses.IsChromium);
        output.WriteLine($"Runner {runner.Id} started {processes.Count} browser processes:\n{BrowserProcesses.Describe(processes)}");
        return processes;
    }
}
