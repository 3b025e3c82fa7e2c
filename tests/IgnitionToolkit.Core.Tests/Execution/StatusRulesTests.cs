using IgnitionToolkit.Contracts;
using IgnitionToolkit.Core.Execution.Status;

namespace IgnitionToolkit.Core.Tests.Execution;

/// <summary>The one status state machine: which transitions are allowed or refused, which statuses are final, and that
/// applying one sets the reason, the finish time and the concurrency token, or changes nothing.</summary>
[Trait("Category", "Unit")]
public sealed class StatusRulesTests
{
    private static readonly DateTimeOffset T = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [Theory]
    [InlineData(ExecutionStatus.Pending, ExecutionStatus.Running)]
    [InlineData(ExecutionStatus.Pending, ExecutionStatus.Cancelled)]
    [InlineData(ExecutionStatus.Pending, ExecutionStatus.Failed)]
    [InlineData(ExecutionStatus.Running, ExecutionStatus.Paused)]
    [InlineData(ExecutionStatus.Paused, ExecutionStatus.Running)]
    [InlineData(ExecutionStatus.Running, ExecutionStatus.Interrupted)]
    [InlineData(ExecutionStatus.Paused, ExecutionStatus.Interrupted)]
    [InlineData(ExecutionStatus.Running, ExecutionStatus.Completed)]
    [InlineData(ExecutionStatus.Interrupted, ExecutionStatus.Completed)]
    [InlineData(ExecutionStatus.Interrupted, ExecutionStatus.Cancelled)]
    public void Allowed_execution_transitions(ExecutionStatus from, ExecutionStatus to) => Assert.True(StatusRules.CanMove(from, to));

    [Theory]
    [InlineData(ExecutionStatus.Completed, ExecutionStatus.Running)]
    [InlineData(ExecutionStatus.Failed, ExecutionStatus.Completed)]
    [InlineData(ExecutionStatus.Cancelled, ExecutionStatus.Paused)]
    [InlineData(ExecutionStatus.Completed, ExecutionStatus.Completed)]
    [InlineData(ExecutionStatus.Interrupted, ExecutionStatus.Running)]
    [InlineData(ExecutionStatus.Interrupted, ExecutionStatus.Interrupted)]
    [InlineData(ExecutionStatus.Running, ExecutionStatus.Pending)]
    [InlineData(ExecutionStatus.Pending, ExecutionStatus.Interrupted)]
    public void Refused_execution_transitions(ExecutionStatus from, ExecutionStatus to) => Assert.False(StatusRules.CanMove(from, to));

    [Fact]
    public void Final_statuses_are_completed_failed_cancelled_and_interrupted()
    {
        Assert.Equal([ExecutionStatus.Completed, ExecutionStatus.Failed, ExecutionStatus.Cancelled, ExecutionStatus.Interrupted],
            Enum.GetValues<ExecutionStatus>().Where(s => s.IsTerminal()));
        Assert.Equal([ExecutionStatus.Pending, ExecutionStatus.Running, ExecutionStatus.Paused], StatusRules.LiveStatuses);
        Assert.Equal([ExecutionStatus.Running, ExecutionStatus.Paused], StatusRules.OwnedByRunner);
        // no final status leads anywhere but from the heartbeat guess to the Runner's own final word
        foreach (var from in Enum.GetValues<ExecutionStatus>().Where(s => s.IsTerminal() && s != ExecutionStatus.Interrupted))
            Assert.All(Enum.GetValues<ExecutionStatus>(), to => Assert.False(StatusRules.CanMove(from, to)));
    }

    [Theory]
    [InlineData(StepStatus.Pending, StepStatus.Running, true)]
    [InlineData(StepStatus.Running, StepStatus.Completed, true)]
    [InlineData(StepStatus.Running, StepStatus.Running, true)] // the next attempt
    [InlineData(StepStatus.Completed, StepStatus.Running, true)] // re-run, skip back
    [InlineData(StepStatus.Completed, StepStatus.Pending, true)] // skip back queues it again
    [InlineData(StepStatus.Failed, StepStatus.Completed, true)] // the Runner's result wins over the heartbeat guess
    [InlineData(StepStatus.Completed, StepStatus.Failed, false)]
    [InlineData(StepStatus.Skipped, StepStatus.Completed, false)]
    [InlineData(StepStatus.Completed, StepStatus.Skipped, false)]
    public void Step_transitions(StepStatus from, StepStatus to, bool allowed)
    {
        Assert.Equal(allowed, StatusRules.CanMove(from, to));
        Assert.Equal(from is StepStatus.Completed or StepStatus.Failed or StepStatus.Skipped, from.IsFinished());
    }

    [Fact]
    public void Applying_a_transition_sets_reason_finish_time_and_bumps_the_concurrency_token()
    {
        var execution = new Holder();

        Assert.True(StatusMachine.TryMove(execution, ExecutionStatus.Running, T, "started"));
        Assert.Equal((ExecutionStatus.Running, "started", (DateTimeOffset?)null, 1), (execution.Status, execution.Reason, execution.FinishedAt, execution.Version));

        Assert.True(StatusMachine.TryMove(execution, ExecutionStatus.Interrupted, T.AddSeconds(1), "runner r1 stopped sending heartbeats"));
        Assert.Equal((T.AddSeconds(1), 2), (execution.FinishedAt, execution.Version));

        Assert.True(StatusMachine.TryMove(execution, ExecutionStatus.Completed, T.AddSeconds(2)));
        Assert.Equal((ExecutionStatus.Completed, (string?)null, T.AddSeconds(2), 3), (execution.Status, execution.Reason, execution.FinishedAt, execution.Version));
    }

    [Fact]
    public void A_refused_transition_changes_nothing()
    {
        var execution = new Holder();
        StatusMachine.TryMove(execution, ExecutionStatus.Cancelled, T, "cancelled by user");

        Assert.False(StatusMachine.TryMove(execution, ExecutionStatus.Running, T.AddSeconds(1), "late"));
        Assert.Equal((ExecutionStatus.Cancelled, "cancelled by user", (DateTimeOffset?)T, 1), (execution.Status, execution.Reason, execution.FinishedAt, execution.Version));

        var step = new StepHolder();
        Assert.True(StatusMachine.TryMove(step, StepStatus.Running));
        Assert.True(StatusMachine.TryMove(step, StepStatus.Completed));
        Assert.False(StatusMachine.TryMove(step, StepStatus.Failed));
        Assert.Equal(StepStatus.Completed, step.Status);
    }

    private sealed class Holder : IExecutionStatusHolder
    {
        public ExecutionStatus Status { get; private set; }
        public string? Reason { get; private set; }
        public DateTimeOffset? FinishedAt { get; private set; }
        public int Version { get; private set; }

        public void Write(ExecutionStatusChange change) => (Status, Reason, FinishedAt, Version) = (change.Status, change.Reason, change.FinishedAt, change.Version);
    }

    private sealed class StepHolder : IStepStatusHolder
    {
        public StepStatus Status { get; private set; }

        public void Write(StepStatus status) => Status = status;
    }
}
