using IgnitionToolkit.Core.Execution;
using IgnitionToolkit.Core.Playbooks;
using IgnitionToolkit.Testing.Engine;
using static IgnitionToolkit.Testing.Engine.Playbooks;
using IgnitionToolkit.Contracts;
using IgnitionToolkit.Contracts.Events;

namespace IgnitionToolkit.Core.Tests.Engine;

public class EngineSemanticsTests
{
    [Fact]
    public async Task Runs_steps_in_order_and_reports_every_event()
    {
        var run = new EngineHarness().Start(Of(
            Step("hello", "utility.log", new { message = "hello" }),
            Step("remember", "utility.set_variable", new { name = "count", value = 3L }),
            Step("echo", "utility.log", new { message = "count is {{ variable.count }}" })));

        Assert.Equal(ExecutionStatus.Completed, await run.CompletionAsync());
        Assert.Equal(["hello", "remember", "echo"], run.Finished.Select(f => f.StepPath));
        Assert.All(run.Finished, f => Assert.Equal(StepStatus.Completed, f.Status));
        Assert.Equal("count is 3", run.FinishedStep("echo").Outputs["message"]);
        Assert.IsType<ExecutionStartedEvent>(run.Events.All[0]);
        Assert.IsType<ExecutionFinishedEvent>(run.Events.All[^1]);
        Assert.Contains(run.Events.OfType<LogEvent>(), l => l.Message == "count is 3" && l.StepPath == "echo");
    }

    [Fact]
    public async Task Log_messages_write_booleans_as_v5_did_while_urls_keep_true_and_false()
    {
        var run = new EngineHarness().Start(Of(
            Step("flag", "utility.set_variable", new { name = "ok", value = true }),
            Step("say", "utility.log", new { message = "ok={{ variable.ok }}" }),
            Step("url", "utility.set_variable", new { name = "url", value = "http://gw/?on={{ variable.ok }}" })));

        Assert.Equal(ExecutionStatus.Completed, await run.CompletionAsync());
        Assert.Equal("ok=True", run.FinishedStep("say").Outputs["message"]);
        Assert.Equal("http://gw/?on=true", run.FinishedStep("url").Outputs["value"]);
    }

    [Fact]
    public async Task Step_outputs_keep_their_type_in_templates()
    {
        var run = new EngineHarness().Start(Of(
            Step("set", "utility.set_variable", new { name = "n", value = 42L }),
            Step("copy", "utility.set_variable", new { name = "m", value = "{{ step.set.value }}" })));

        Assert.Equal(ExecutionStatus.Completed, await run.CompletionAsync());
        Assert.Equal(42L, run.FinishedStep("copy").Outputs["value"]);
    }

    [Fact]
    public async Task A_step_that_runs_too_long_fails_with_a_timeout_message()
    {
        var run = new EngineHarness(new StubbornStep()).Start(Of(Step("slow", "test.stubborn", timeoutSeconds: 0.3)));

        Assert.Equal(ExecutionStatus.Failed, await run.CompletionAsync());
        Assert.Contains("timed out after 0.3 s", run.FinishedStep("slow").Error);
    }

    [Fact]
    public async Task Retries_a_failing_step_until_it_succeeds()
    {
        var flaky = new FlakyStep();
        var run = new EngineHarness(flaky).Start(Of(Step("flaky", "test.flaky", new { failures = 2L }, retryCount: 2, retryDelaySeconds: 0.05)));

        Assert.Equal(ExecutionStatus.Completed, await run.CompletionAsync());
        Assert.Equal(3, flaky.Calls);
        Assert.Equal(3, run.FinishedStep("flaky").Attempt);
        Assert.Equal(2, run.Events.OfType<LogEvent>().Count(l => l.Message.Contains("retrying", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Gives_up_after_the_last_retry()
    {
        var flaky = new FlakyStep();
        var run = new EngineHarness(flaky).Start(Of(Step("flaky", "test.flaky", new { failures = 5L }, retryCount: 1, retryDelaySeconds: 0.01)));

        Assert.Equal(ExecutionStatus.Failed, await run.CompletionAsync());
        Assert.Equal(2, flaky.Calls);
    }

    [Fact]
    public async Task On_failure_continue_keeps_going_and_abort_stops()
    {
        var harness = new EngineHarness(new FailStep());
        var continuing = harness.Start(Of(
            Step("bad", "test.fail", onFailure: FailureAction.Continue),
            Step("after", "utility.log", new { message = "still here" })));
        Assert.Equal(ExecutionStatus.Completed, await continuing.CompletionAsync());
        Assert.Equal(StepStatus.Failed, continuing.FinishedStep("bad").Status);
        Assert.Equal(StepStatus.Completed, continuing.FinishedStep("after").Status);

        var aborting = harness.Start(Of(Step("bad", "test.fail"), Step("after", "utility.log", new { message = "never" })));
        Assert.Equal(ExecutionStatus.Failed, await aborting.CompletionAsync());
        Assert.DoesNotContain(aborting.Finished, f => f.StepPath == "after");
        Assert.Contains("step 'bad' failed: boom", aborting.Events.OfType<ExecutionFinishedEvent>().Single().Error);
    }

    [Fact]
    public async Task Cancel_abandons_a_running_step_that_ignores_cancellation()
    {
        var run = new EngineHarness(new StubbornStep()).Start(Of(Step("slow", "test.stubborn"), Step("next", "utility.log", new { message = "x" })));
        await run.Events.WaitForAsync<StepStartedEvent>(s => s.StepPath == "slow");

        var clock = System.Diagnostics.Stopwatch.StartNew();
        run.Control.Send(ExecutionCommand.Cancel);

        Assert.Equal(ExecutionStatus.Cancelled, await run.CompletionAsync(300));
        // The step would block 10 minutes: ending well before shows the engine abandoned it, however busy the
        // machine is (the 1 s target is a speed, not a test).
        Assert.True(clock.Elapsed < TimeSpan.FromMinutes(5), $"took {clock.Elapsed}");
        Assert.DoesNotContain(run.Finished, f => f.StepPath == "next");
        Assert.Equal("cancelled by user", run.Events.OfType<ExecutionFinishedEvent>().Single().Error);
    }

    [Fact]
    public async Task Host_shutdown_cancels_with_a_reason()
    {
        using var cts = new CancellationTokenSource();
        var run = new EngineHarness().Start(Of(Step("wait", "utility.wait", new { seconds = 30.0 })), cancellationToken: cts.Token);
        await run.Events.WaitForAsync<StepStartedEvent>();
        await cts.CancelAsync();

        Assert.Equal(ExecutionStatus.Cancelled, await run.CompletionAsync(5));
        Assert.Contains("shutting down", run.Events.OfType<ExecutionFinishedEvent>().Single().Error);
    }
}
