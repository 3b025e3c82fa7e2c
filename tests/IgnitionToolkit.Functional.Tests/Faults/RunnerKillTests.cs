using IgnitionToolkit.Functional.Tests.Infrastructure;
using IgnitionToolkit.Testing;
using Xunit.Abstractions;
using static IgnitionToolkit.Functional.Tests.Faults.FaultSuite;
using IgnitionToolkit.Contracts;

namespace IgnitionToolkit.Functional.Tests.Faults;

/// <summary>The Runner killed with SIGKILL while a step runs, with a browser open: the API's heartbeat monitor marks the
/// execution interrupted (the start command was acknowledged when the run began, so nothing re-runs it), the running step
/// failed with the reason, the later steps never started; the replacement Runner kills the browser the dead one left.</summary>
[Trait("Category", "Functional")]
[Collection(FaultSuite.Name)]
public sealed class RunnerKillTests(ITestOutputHelper output)
{
    private const string Playbook = """
        name: Browser then nap
        version: "1.0"
        parameters:
          - { name: gateway_url, type: string, required: true }
        steps:
          - { id: open, name: Open, type: perspective.navigate, parameters: { gateway_url: "{{ parameter.gateway_url }}", project: Demo_HMI } }
          - { id: nap, name: Nap, type: utility.wait, parameters: { seconds: 3600 }, timeout: 7200 }
          - { id: after, name: After, type: utility.log, parameters: { message: "never" } }
        """;

    [Fact]
    public async Task A_runner_killed_mid_run_leaves_its_execution_interrupted_and_no_process_behind()
    {
        var census = new ProcessCensus();
        const double heartbeatTimeout = 5;
        TimeSpan detected;
        int browserCount, orphans;
        await using (var simulator = await GatewayRun.StartSimulatorAsync("password"))
        await using (var stack = await ToolkitStack.StartAsync(heartbeatTimeoutSeconds: heartbeatTimeout))
        {
            Track(census, stack);
            await File.WriteAllTextAsync(Path.Combine(stack.Library, "faults-browser.yaml"), Playbook);
            var id = await stack.StartExecutionAsync("faults-browser.yaml", new { gateway_url = simulator.BaseAddress.ToString().TrimEnd('/') });
            var running = await stack.WaitForAsync(id, e => StepStatus(e, "nap") == "running", timeoutSeconds: 120);
            Assert.Equal("completed", StepStatus(running, "open"));

            var killed = stack.Runners[0];
            census.Track(killed.Id);
            var browsers = census.Where(p => p.CommandLine.Contains("chrom", StringComparison.OrdinalIgnoreCase)
                || p.CommandLine.Contains("run-driver", StringComparison.Ordinal));
            browserCount = browsers.Count;
            var profiles = browsers.Select(p => System.Text.RegularExpressions.Regex.Match(p.CommandLine, @"--user-data-dir=(\S+)"))
                .Where(m => m.Success).Select(m => m.Groups[1].Value).Distinct().ToList();
            Assert.NotEmpty(profiles);
            Assert.True(browserCount > 0, "no browser process under the Runner while its page is open:\n" + ProcessCensus.Describe(census.StillRunning()));
            var clock = Clock();
            killed.Crash(); // SIGKILL
            Assert.Equal(137, killed.ExitCode);

            var interrupted = await WaitFinishedAsync(stack, id, heartbeatTimeout + 120);
            Assert.True(ToolkitStack.Status(interrupted) == "interrupted", interrupted.ToJsonString());
            detected = clock.Elapsed;
            Assert.Contains("stopped sending heartbeats", interrupted["execution"]!["reason"]!.GetValue<string>());
            Assert.Equal("failed", StepStatus(interrupted, "nap"));
            Assert.StartsWith("interrupted: ", Step(interrupted, "nap")!["error"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Null(StepStatus(interrupted, "after"));
            Assert.True(LastSequence(interrupted) >= LastSequence(running), interrupted.ToJsonString());

            orphans = ProcessCensus.StillRunning(browsers).Count; // what the dead Runner left (the driver may notice and end them)

            // A supervisor starts a new Runner: it kills what the dead one recorded, and runs the next execution.
            var replacement = await stack.AddRunnerAsync();
            census.Track(replacement.Id);
            var left = await ProcessCensus.WaitGoneAsync(browsers, TimeSpan.FromSeconds(60));
            Assert.True(left.Count == 0, "browser processes of the killed Runner still run:\n" + ProcessCensus.Describe(left));
            // ... and deletes the temporary profiles of its browsers (a megabyte or more each, in the temp folder).
            await Wait.UntilAsync(() => Task.FromResult(!profiles.Any(Directory.Exists)), TimeSpan.FromSeconds(60),
                "the killed Runner's browser profiles to be deleted", () => string.Join(", ", profiles.Where(Directory.Exists)));
            var next = await stack.StartExecutionAsync("utility/hello_world.yaml");
            await stack.WaitForStatusAsync(next, "completed", timeoutSeconds: 120);
            Track(census, stack);
        }
        var leftovers = await LeftoversAsync(census);
        Figure(output, "runner-sigkill", $"1 execution, terminal=interrupted in {Seconds(detected)} after the kill " +
            $"(heartbeat timeout {heartbeatTimeout:0} s), {browserCount} browser processes ({orphans} still running {Seconds(detected)} after the kill) gone once a new Runner started, {leftovers} leftover processes");
    }
}
