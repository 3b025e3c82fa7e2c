using System.Text.Json.Nodes;
using IgnitionToolkit.Testing;
using IgnitionToolkit.Contracts;

namespace IgnitionToolkit.Functional.Tests;

/// <summary>A playbook goes from the API through RabbitMQ to a Runner and back, persisted — SQLite and PostgreSQL.</summary>
public class EndToEndExecutionTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_playbook_started_through_the_api_completes_and_every_step_is_recorded(bool postgres)
    {
        await using var stack = await ToolkitStack.StartAsync(postgres);

        var id = await stack.StartExecutionAsync("nested/parent.yaml", new { who = "integrators" });
        var execution = await stack.WaitForStatusAsync(id, "completed");

        var steps = execution["steps"]!.AsArray();
        Assert.Equal(["announce", "greet_child", "greet_child/greet", "greet_child/remember", "report"],
            steps.Select(s => s!["step_path"]!.GetValue<string>()));
        Assert.All(steps, s => Assert.Equal("completed", s!["status"]!.GetValue<string>()));
        var nested = steps.Single(s => s!["step_path"]!.GetValue<string>() == "greet_child/greet")!;
        Assert.Equal("greet_child", nested["parent_path"]!.GetValue<string>());
        Assert.Equal(1, nested["depth"]!.GetValue<int>());
        Assert.Equal("Hi integrators (excitement 3)", nested["outputs"]!["message"]!.GetValue<string>());
        Assert.Contains(execution["logs"]!.AsArray(), l => l!["message"]!.GetValue<string>() == "Calling the child playbook for integrators");
        Assert.Empty(Directory.EnumerateFileSystemEntries(stack.WorkingDirectory));
    }

    [Fact]
    public async Task Pause_resume_and_cancel_through_the_api_reach_the_runner()
    {
        await using var stack = await ToolkitStack.StartAsync();
        // The first step is held until the Runner has the pause (a python step waiting for a file): the pause always
        // reaches the Runner while it runs, however slow the machine.
        var release = Path.Combine(Path.GetTempPath(), $"itk-pause-{Guid.NewGuid():N}.release");
        await File.WriteAllTextAsync(Path.Combine(stack.Library, "utility", "slow.yaml"), $$"""
            name: Slow
            version: "1.0"
            steps:
              - id: held
                type: utility.python
                parameters:
                  script: "import os, time\nwhile not os.path.exists(r'{{release}}'):\n    time.sleep(0.05)\n"
              - { id: long, type: utility.wait, parameters: { seconds: 120 } }
              - { id: never, type: utility.log, parameters: { message: never } }
            """);

        try
        {
            var id = await stack.StartExecutionAsync("utility/slow.yaml");
            await stack.WaitForAsync(id, e => StepStatus(e, "held") == "running");
            await stack.SendAsync(id, "pause");
            // released once the Runner has the pause (its log says so), so the pause lands while the step still runs
            await stack.WaitForRunnerToReceiveAsync(id, "pause");
            await File.WriteAllTextAsync(release, "go");

            // The pause takes effect at the next step boundary: nothing runs while paused.
            var paused = await stack.WaitForStatusAsync(id, "paused");
            Assert.Equal("completed", StepStatus(paused, "held"));
            Assert.DoesNotContain(paused["steps"]!.AsArray(), s => s!["status"]!.GetValue<string>() == "running");
            await Task.Delay(TimeSpan.FromSeconds(2));
            var stillPaused = await stack.GetExecutionAsync(id);
            Assert.Equal("paused", ToolkitStack.Status(stillPaused));
            Assert.Null(StepStatus(stillPaused, "long"));

            await stack.SendAsync(id, "resume");
            await stack.WaitForAsync(id, e => StepStatus(e, "long") == "running");
            await stack.SendAsync(id, "cancel");
            var cancelled = await stack.WaitForStatusAsync(id, "cancelled");

            Assert.Null(StepStatus(cancelled, "never"));
        }
        finally
        {
            File.WriteAllText(release, "go"); // never leave a python step waiting
            File.Delete(release);
        }
    }

    [Fact]
    public async Task An_execution_whose_runner_dies_is_marked_interrupted_with_a_reason()
    {
        await using var stack = await ToolkitStack.StartAsync(heartbeatTimeoutSeconds: 3);
        var id = await stack.StartExecutionAsync("utility/wait_and_log.yaml", new { seconds = 60 });
        await stack.WaitForAsync(id, e => StepStatus(e, "wait") == "running");

        stack.Runners[0].Crash();
        var interrupted = await stack.WaitForStatusAsync(id, "interrupted", timeoutSeconds: 180);

        Assert.Contains("stopped sending heartbeats", interrupted["execution"]!["reason"]!.GetValue<string>());
        // The step that was running when the Runner died does not stay "running" forever.
        var wait = interrupted["steps"]!.AsArray().Single(s => s!["step_path"]!.GetValue<string>() == "wait")!;
        Assert.Equal("failed", wait["status"]!.GetValue<string>());
        Assert.StartsWith("interrupted: ", wait["error"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_runner_restarted_after_a_crash_interrupts_what_it_ran_before_at_once()
    {
        // A heartbeat timeout of an hour: only the restarted Runner's announcement can end the execution within the test.
        await using var stack = await ToolkitStack.StartAsync(runners: 0, heartbeatTimeoutSeconds: 3600);
        var first = await stack.AddRunnerAsync(slotName: true);
        var id = await stack.StartExecutionAsync("utility/wait_and_log.yaml", new { seconds = 3600 });
        var running = await stack.WaitForAsync(id, e => StepStatus(e, "wait") == "running", timeoutSeconds: 300);
        var runner = running["execution"]!["runner_id"]!.GetValue<string>();

        first.Crash();
        await stack.AddRunnerAsync(slotName: true); // takes the crashed Runner's slot, hence its name, back
        var interrupted = await stack.WaitForStatusAsync(id, "interrupted", timeoutSeconds: 300);

        Assert.Equal($"runner {runner} restarted: it no longer runs this execution", interrupted["execution"]!["reason"]!.GetValue<string>());
        var wait = interrupted["steps"]!.AsArray().Single(s => s!["step_path"]!.GetValue<string>() == "wait")!;
        Assert.Equal("failed", wait["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_runner_stopped_with_sigterm_reports_its_execution_cancelled_and_exits_without_waiting_for_it()
    {
        await using var stack = await ToolkitStack.StartAsync();
        var id = await stack.StartExecutionAsync("utility/wait_and_log.yaml", new { seconds = 3600 });
        await stack.WaitForStatusAsync(id, "running");

        // The Runner promises to stop within 10 s (its shutdown timeout). Speed is no test: "cancelled" (not
        // completed, not failed by the step's 120 s timeout) and exit code 0 show it cancelled the step and exited
        // by itself; the time taken is printed.
        var took = await stack.Runners[0].TerminateAsync(TimeSpan.FromMinutes(5));
        var cancelled = await stack.WaitForStatusAsync(id, "cancelled", timeoutSeconds: 300);

        Console.WriteLine($"FAULT-FIGURE runner-sigterm: exited {took.TotalSeconds:0.0} s after SIGTERM (promise: 10 s)");
        Assert.Equal(0, stack.Runners[0].ExitCode);
        Assert.Contains("shutting down", cancelled["execution"]!["error"]?.GetValue<string>() ?? cancelled["execution"]!["reason"]?.GetValue<string>() ?? "");
    }

    private static string? StepStatus(JsonNode execution, string path) =>
        execution["steps"]!.AsArray().FirstOrDefault(s => s!["step_path"]!.GetValue<string>() == path)?["status"]?.GetValue<string>();
}
