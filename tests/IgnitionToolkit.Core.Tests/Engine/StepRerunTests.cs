using System.Text.Json;
using IgnitionToolkit.Core.Execution;
using IgnitionToolkit.Core.Plugins;
using IgnitionToolkit.Testing;
using IgnitionToolkit.Testing.Engine;
using static IgnitionToolkit.Testing.Engine.Playbooks;
using IgnitionToolkit.Contracts;
using IgnitionToolkit.Contracts.Events;

namespace IgnitionToolkit.Core.Tests.Engine;

/// <summary>Edit-and-re-run of a paused step (the debug panel's "Re-run step").</summary>
public class StepRerunTests
{
    [Fact]
    public async Task A_failed_step_reruns_with_edited_parameters_and_the_execution_continues()
    {
        var run = new EngineHarness().Start(Of(
            Step("bad", "utility.wait", new { seconds = -1.0 }),
            Step("after", "utility.log", new { message = "after" })), debug: true);
        var paused = await run.Events.WaitForAsync<DebugPausedEvent>();
        Assert.Equal("bad", paused.StepPath);
        await WaitPausedAsync(run);

        var refused = Rerun(run).RerunStep("bad", new Dictionary<string, object?> { ["seconds"] = 0.0 });

        Assert.Null(refused);
        var second = await run.Events.WaitForAsync<StepFinishedEvent>(f => f.StepPath == "bad" && f.Attempt == 2);
        Assert.Equal(StepStatus.Completed, second.Status);
        Assert.Equal(0.0, run.Events.OfType<StepStartedEvent>().Last(s => s.StepPath == "bad").Parameters["seconds"]);
        Assert.Contains(run.Logs, l => l.Contains("re-running step 'bad' (edited seconds)", StringComparison.Ordinal));
        var context = await run.Events.WaitForAsync<DebugPausedEvent>(d => d.Reason.StartsWith("re-run completed", StringComparison.Ordinal));
        Assert.Equal(0.0, context.Parameters["seconds"]);
        // Debug mode pauses after the re-run like after any step, then continues on resume.
        await WaitPausedAsync(run, afterSteps: 2);
        run.Control.Send(ExecutionCommand.Resume);
        Assert.Equal(ExecutionStatus.Completed, await run.CompletionAsync());
        Assert.Equal(StepStatus.Completed, run.FinishedStep("after").Status);
    }

    [Fact]
    public async Task The_step_before_the_pause_can_be_rerun_and_keeps_its_edits()
    {
        var run = new EngineHarness().Start(Of(
            Step("greet", "utility.log", new { message = "hello" }),
            Step("end", "utility.log", new { message = "end" })), debug: true);
        await WaitPausedAsync(run);

        Assert.Null(Rerun(run).RerunStep("greet", new Dictionary<string, object?> { ["message"] = "hello again" }));
        await run.Events.WaitForAsync<StepFinishedEvent>(f => f.StepPath == "greet" && f.Attempt == 2);
        await WaitPausedAsync(run, afterSteps: 2);
        run.Control.Send(ExecutionCommand.Resume);

        Assert.Equal(ExecutionStatus.Completed, await run.CompletionAsync());
        Assert.Equal(["hello", "hello again", "end"], run.Events.OfType<LogEvent>().Where(l => l.StepPath is "greet" or "end" && !l.Message.StartsWith("re-running", StringComparison.Ordinal)).Select(l => l.Message));
    }

    [Fact]
    public async Task Invalid_edits_unknown_steps_and_running_executions_are_refused_with_the_reason()
    {
        var run = new EngineHarness().Start(Of(
            Step("bad", "utility.wait", new { seconds = -1.0 }),
            Step("after", "utility.log", new { message = "after" })), debug: true);
        await WaitPausedAsync(run);
        var control = Rerun(run);

        Assert.Contains("'seconds' must be a number", control.RerunStep("bad", new Dictionary<string, object?> { ["seconds"] = "soon" }));
        Assert.Contains("'delay' is not a parameter of step type utility.wait", control.RerunStep("bad", new Dictionary<string, object?> { ["delay"] = 1.0 }));
        Assert.Contains("cannot be re-run here", control.RerunStep("after", new Dictionary<string, object?>()));
        Assert.Single(run.Finished);

        run.Control.Send(ExecutionCommand.Cancel);
        Assert.Equal(ExecutionStatus.Cancelled, await run.CompletionAsync());
        Assert.Contains("not paused", control.RerunStep("bad", new Dictionary<string, object?>()));
    }

    [Fact]
    public async Task Secret_edited_values_are_masked_in_events()
    {
        const string Secret = "n3w-S3cret-value";
        var run = new EngineHarness(new LoginStep()).Start(Of(Step("login", "test.login", new { password = "wrong" })), debug: true);
        await WaitPausedAsync(run);

        Assert.Null(Rerun(run).RerunStep("login", new Dictionary<string, object?> { ["password"] = Secret }));

        Assert.Equal(ExecutionStatus.Completed, await run.CompletionAsync());
        Assert.Equal(StepStatus.Completed, run.FinishedStep("login").Status);
        var everything = JsonSerializer.Serialize(run.Events.All.Select(e => (object)e));
        Assert.DoesNotContain(Secret, everything, StringComparison.Ordinal);
        Assert.Contains(run.Events.OfType<LogEvent>(), l => l.Message == "logged in with ***");
    }

    private static IStepRerunControl Rerun(RecordingRun run) => Assert.IsAssignableFrom<IStepRerunControl>(run.Control);

    private static async Task WaitPausedAsync(RecordingRun run, int afterSteps = 1)
    {
        await run.Events.WaitForAsync<StepFinishedEvent>(_ => run.Finished.Count >= afterSteps);
        Assert.True(await Wait.HoldsAsync(() => run.Control.Status == ExecutionStatus.Paused), $"status {run.Control.Status}, expected paused");
    }

    /// <summary>Completes only with the password "n3w-S3cret-value" and logs it (to test masking).</summary>
    private sealed class LoginStep : IStepPlugin
    {
        public StepTypeDescriptor Descriptor { get; } = new("test.login", "test", "Logs in.",
            [new StepParameterSchema("password", StepParameterType.String, Required: true, Secret: true)]);

        public Task<StepResult> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
        {
            var password = context.Get<string>("password")!;
            context.Logger.LogStep("logged in with " + password);
            return Task.FromResult(password == "n3w-S3cret-value" ? StepResult.Completed() : StepResult.Failed("wrong password " + password));
        }
    }
}
