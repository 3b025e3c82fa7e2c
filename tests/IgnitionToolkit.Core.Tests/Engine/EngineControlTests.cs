using IgnitionToolkit.Core.Execution;
using IgnitionToolkit.Testing.Engine;
using static IgnitionToolkit.Testing.Engine.Playbooks;
using IgnitionToolkit.Contracts;
using IgnitionToolkit.Contracts.Events;

namespace IgnitionToolkit.Core.Tests.Engine;

public class EngineControlTests
{
    [Fact]
    public async Task Pause_takes_effect_at_the_next_step_boundary_and_resume_continues()
    {
        var gate = new GateStep(); // the first step runs until the pause is sent: no timing window
        var run = new EngineHarness(gate).Start(Of(
            Step("first", "test.gate"),
            Step("second", "utility.log", new { message = "two" })));
        await run.Events.WaitForAsync<StepStartedEvent>(s => s.StepPath == "first");

        run.Control.Send(ExecutionCommand.Pause);
        gate.Open();
        await run.Events.WaitForAsync<ExecutionStatusChangedEvent>(e => e.Status == ExecutionStatus.Paused);
        Assert.Equal(StepStatus.Completed, run.FinishedStep("first").Status);
        Assert.DoesNotContain(run.Events.OfType<StepStartedEvent>(), s => s.StepPath == "second");
        Assert.Equal(ExecutionStatus.Paused, run.Control.Status);

        run.Control.Send(ExecutionCommand.Resume);
        Assert.Equal(ExecutionStatus.Completed, await run.CompletionAsync());
        Assert.Equal(StepStatus.Completed, run.FinishedStep("second").Status);
    }

    [Fact]
    public async Task Skip_marks_the_running_step_skipped_and_moves_on()
    {
        var run = new EngineHarness().Start(Of(
            Step("long", "utility.wait", new { seconds = 30.0 }),
            Step("after", "utility.log", new { message = "after" })));
        await run.Events.WaitForAsync<StepStartedEvent>(s => s.StepPath == "long");

        run.Control.Send(ExecutionCommand.Skip);

        Assert.Equal(ExecutionStatus.Completed, await run.CompletionAsync());
        Assert.Equal(StepStatus.Skipped, run.FinishedStep("long").Status);
        Assert.Equal(StepStatus.Completed, run.FinishedStep("after").Status);
    }

    [Fact]
    public async Task Skip_back_runs_the_previous_step_again()
    {
        var run = new EngineHarness().Start(Of(
            Step("one", "utility.log", new { message = "one" }),
            Step("two", "utility.wait", new { seconds = 30.0 })));
        await run.Events.WaitForAsync<StepStartedEvent>(s => s.StepPath == "two");

        run.Control.Send(ExecutionCommand.SkipBack);
        await run.Events.WaitForAsync<StepStartedEvent>(s => s.StepPath == "two" && run.Events.OfType<StepStartedEvent>().Count(x => x.StepPath == "one") == 2);
        run.Control.Send(ExecutionCommand.Skip);

        Assert.Equal(ExecutionStatus.Completed, await run.CompletionAsync());
        Assert.Equal(2, run.Finished.Count(f => f.StepPath == "one" && f.Status == StepStatus.Completed));
    }

    [Fact]
    public async Task Debug_mode_pauses_after_every_step()
    {
        var run = new EngineHarness().Start(Of(
            Step("a", "utility.log", new { message = "a" }),
            Step("b", "utility.log", new { message = "b" })), debug: true);

        await run.Events.WaitForAsync<ExecutionStatusChangedEvent>(e => e.Status == ExecutionStatus.Paused);
        Assert.Single(run.Finished);
        run.Control.Send(ExecutionCommand.Resume);
        Assert.Equal(ExecutionStatus.Completed, await run.CompletionAsync());
        Assert.Equal(2, run.Finished.Count);
    }

    [Fact]
    public async Task In_debug_mode_skip_and_skip_back_move_one_step_and_pause_again()
    {
        var run = new EngineHarness().Start(Of(
            Step("a", "utility.log", new { message = "a" }),
            Step("b", "utility.log", new { message = "b" }),
            Step("c", "utility.log", new { message = "c" })), debug: true);
        int Pauses() => run.Events.OfType<ExecutionStatusChangedEvent>().Count(e => e.Status == ExecutionStatus.Paused);
        Task WaitForPause(int n) => run.Events.WaitForAsync<ExecutionStatusChangedEvent>(e => e.Status == ExecutionStatus.Paused && Pauses() >= n, 60);

        await WaitForPause(1); // after a, before b: the pause shows its context
        var context = run.Events.OfType<DebugPausedEvent>().Last();
        Assert.Equal("a", context.StepPath);
        Assert.Equal("debug mode: step 'a' completed; next: 'b'", context.Reason);
        run.Control.Send(ExecutionCommand.Skip);
        await WaitForPause(2); // b skipped, paused before c: nothing else ran
        Assert.Equal(StepStatus.Skipped, run.FinishedStep("b").Status);
        Assert.DoesNotContain(run.Events.OfType<StepStartedEvent>(), s => s.StepPath == "c");

        run.Control.Send(ExecutionCommand.SkipBack);
        await WaitForPause(3); // b queued again (shown pending), paused before it
        Assert.Equal(StepStatus.Pending, run.Finished.Last(f => f.StepPath == "b").Status);
        Assert.Equal("debug mode: skip back, step 'b' queued again; next: 'b'", run.Events.OfType<DebugPausedEvent>().Last().Reason);
        Assert.DoesNotContain(run.Events.OfType<StepStartedEvent>(), s => s.StepPath == "c");

        run.Control.Send(ExecutionCommand.Resume);
        await WaitForPause(4); // exactly one step ran: b
        Assert.Equal(StepStatus.Completed, run.Finished.Last(f => f.StepPath == "b").Status);
        Assert.DoesNotContain(run.Events.OfType<StepStartedEvent>(), s => s.StepPath == "c");

        run.Control.Send(ExecutionCommand.Resume);
        Assert.Equal(ExecutionStatus.Completed, await run.CompletionAsync());
        Assert.Equal(StepStatus.Completed, run.FinishedStep("c").Status);
    }

    [Fact]
    public async Task Debug_mode_on_failure_does_not_retry_captures_context_and_reruns_the_step_on_resume()
    {
        var flaky = new FlakyStep();
        var run = new EngineHarness(flaky).Start(Of(Step("flaky", "test.flaky", new { failures = 1L }, retryCount: 3)), debug: true);

        var paused = await run.Events.WaitForAsync<DebugPausedEvent>();
        Assert.Equal("flaky", paused.StepPath);
        Assert.Equal("failure 1", paused.Error);
        await run.Events.WaitForAsync<ExecutionStatusChangedEvent>(e => e.Status == ExecutionStatus.Paused);
        Assert.Equal(1, flaky.Calls);

        run.Control.Send(ExecutionCommand.Resume);
        Assert.Equal(ExecutionStatus.Completed, await run.CompletionAsync());
        Assert.Equal(2, flaky.Calls);
        Assert.Equal(StepStatus.Completed, run.FinishedStep("flaky").Status);
    }

    [Fact]
    public async Task Breakpoint_pauses_only_in_debug_mode()
    {
        var playbook = Of(Step("bp", "debug.breakpoint", new { message = "look here" }), Step("end", "utility.log", new { message = "end" }));
        var harness = new EngineHarness();

        var normal = harness.Start(playbook);
        Assert.Equal(ExecutionStatus.Completed, await normal.CompletionAsync());
        Assert.Empty(normal.Events.OfType<DebugPausedEvent>());

        var debug = harness.Start(playbook, debug: true);
        var paused = await debug.Events.WaitForAsync<DebugPausedEvent>();
        Assert.Equal("breakpoint", paused.Reason);
        Assert.Equal("look here", paused.Error);
        debug.Control.Send(ExecutionCommand.Cancel);
        Assert.Equal(ExecutionStatus.Cancelled, await debug.CompletionAsync());
    }
}
