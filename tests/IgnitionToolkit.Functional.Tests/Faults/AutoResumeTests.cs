using System.Text.Json.Nodes;
using IgnitionToolkit.Testing;
using Xunit.Abstractions;
using static IgnitionToolkit.Functional.Tests.Faults.FaultSuite;

namespace IgnitionToolkit.Functional.Tests.Faults;

/// <summary><c>resume: auto</c>: the Runner running a playbook that declares it safe to resume is killed (SIGKILL) while
/// its second step holds; the API interrupts the execution (heartbeat timeout) and resumes it by itself on another
/// Runner from the step that did not complete, with the variables the first step left. The killed Runner's held
/// <c>utility.python</c> interpreter ends with it.</summary>
[Trait("Category", "Functional")]
[Collection(FaultSuite.Name)]
public sealed class AutoResumeTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_resume_auto_execution_whose_runner_dies_is_resumed_on_another_runner_from_the_step_that_did_not_complete()
    {
        var release = Path.Combine(Path.GetTempPath(), $"itk-autoresume-{Guid.NewGuid():N}.release");
        const double heartbeatTimeout = 5;
        try
        {
            await using var stack = await ToolkitStack.StartAsync(heartbeatTimeoutSeconds: heartbeatTimeout);
            await File.WriteAllTextAsync(Path.Combine(stack.Library, "auto-resume.yaml"), $$$"""
                name: Auto resume
                version: "1.0"
                resume: auto
                steps:
                  - { id: remember, type: utility.set_variable, parameters: { name: site, value: plant-a } }
                  - id: hold
                    type: utility.python
                    timeout: 7200
                    parameters:
                      script: |
                        import os, time
                        while not os.path.exists(r"{{{release}}}"):
                            time.sleep(0.05)
                  - { id: report, type: utility.log, parameters: { message: "site {{ variable.site }}" } }
                """);
            var id = await stack.StartExecutionAsync("auto-resume.yaml");
            var held = await stack.WaitForAsync(id, e => StepStatus(e, "hold") == "running", timeoutSeconds: 120);
            Assert.Equal("completed", StepStatus(held, "remember"));

            var clock = Clock();
            // The step is reported running before its interpreter has started: the census of the Runner and its
            // descendants is taken once the interpreter runs.
            var processes = new ProcessCensus();
            await Wait.UntilAsync(() => (processes = new ProcessCensus().Track(stack.Runners[0].Id)).StillRunning()
                    .Any(p => p.CommandLine.Contains("python", StringComparison.Ordinal)),
                TimeSpan.FromSeconds(120), "the held step's Python interpreter to run under the Runner",
                () => ProcessCensus.Describe(processes.StillRunning()));
            stack.Runners[0].Crash(aloneAsACrashWould: true); // SIGKILL of the Runner only: nothing tells the API, the heartbeats stop
            // The interpreter does not outlive its Runner, although its script would hold until the release file exists.
            var left = await processes.WaitGoneAsync(TimeSpan.FromMinutes(2));
            Assert.True(left.Count == 0, "still running after the Runner was killed: " + string.Join("; ", left));
            await stack.AddRunnerAsync(); // "another Runner"
            await File.WriteAllTextAsync(release, "go"); // the resumed step may end now

            var interrupted = await WaitFinishedAsync(stack, id, heartbeatTimeout + 120);
            Assert.True(ToolkitStack.Status(interrupted) == "interrupted", interrupted.ToJsonString());
            JsonNode? resumedSummary = null;
            await Wait.UntilAsync(async () => (resumedSummary = await FindResumeOfAsync(stack, id)) is not null,
                TimeSpan.FromSeconds(120), $"an execution resuming {id}");
            var resumedId = Guid.Parse(resumedSummary!["id"]!.GetValue<string>());
            var resumed = await WaitFinishedAsync(stack, resumedId, 180);
            var took = clock.Elapsed;

            Assert.True(ToolkitStack.Status(resumed) == "completed", resumed.ToJsonString());
            var execution = resumed["execution"]!;
            Assert.True(execution["resumed_automatically"]!.GetValue<bool>());
            Assert.Equal("hold", execution["resumed_at_step"]!.GetValue<string>());
            Assert.NotEqual(interrupted["execution"]!["runner_id"]!.GetValue<string>(), execution["runner_id"]?.GetValue<string>()); // another Runner
            Assert.Equal("skipped", StepStatus(resumed, "remember"));
            Assert.Equal($"reused from {id}", Step(resumed, "remember")!["error"]!.GetValue<string>());
            Assert.Equal("completed", StepStatus(resumed, "hold"));
            Assert.Equal("site plant-a", Step(resumed, "report")!["outputs"]!["message"]!.GetValue<string>());

            // Once per interruption: no second automatic resume of the same execution.
            var page = await stack.Http.GetStringAsync("api/v1/executions?pageSize=50");
            Assert.Single(JsonNode.Parse(page)!["items"]!.AsArray(), e => e!["resumed_from_id"]?.GetValue<string>() == id.ToString());
            Figure(output, "runner-sigkill-resume-auto", $"interrupted and resumed automatically, completed {Seconds(took)} after the kill (heartbeat timeout {heartbeatTimeout:0} s)");
        }
        finally
        {
            File.Delete(release);
        }
    }

    private static async Task<JsonNode?> FindResumeOfAsync(ToolkitStack stack, Guid id)
    {
        var page = JsonNode.Parse(await stack.Http.GetStringAsync("api/v1/executions?pageSize=50"))!;
        return page["items"]!.AsArray().FirstOrDefault(e => e!["resumed_from_id"]?.GetValue<string>() == id.ToString());
    }
}
