using IgnitionToolkit.Api.Schedules;
using IgnitionToolkit.Contracts;

namespace IgnitionToolkit.Api.Tests.Schedules;

/// <summary>What the scheduler does with due occurrences: runs the one on time, drops or runs once those missed while
/// the API was down, and starts, skips or queues a run while the previous one is active.</summary>
[Trait("Category", "Unit")]
public sealed class SchedulePlannerTests
{
    private static readonly Cronos.CronExpression Hourly = ScheduleTimingTests.Cron("0 * * * *");
    private static readonly TimeSpan MissedAfter = TimeSpan.FromMinutes(5);
    private static DateTimeOffset At(int hour, int minute = 0, int second = 0) => new(2026, 6, 1, hour, minute, second, TimeSpan.Zero);

    [Fact]
    public void An_occurrence_on_time_runs_and_the_next_one_is_the_following_hour()
    {
        var plan = SchedulePlanner.Plan(Hourly, TimeZoneInfo.Utc, At(10), At(10, 0, 5), MissedAfter, MissedRunsPolicy.Skip);
        Assert.Equal(At(10), plan.RunAt);
        Assert.Equal(0, plan.Missed);
        Assert.Equal(At(11), plan.Next);
    }

    [Fact]
    public void After_downtime_with_skip_only_an_occurrence_still_on_time_runs()
    {
        var plan = SchedulePlanner.Plan(Hourly, TimeZoneInfo.Utc, At(10), At(13, 0, 30), MissedAfter, MissedRunsPolicy.Skip);
        Assert.Equal(At(13), plan.RunAt);
        Assert.Equal(3, plan.Missed);
        Assert.Equal(At(10), plan.FirstMissed);
        Assert.Equal(At(12), plan.LastMissed);
        Assert.Equal(At(14), plan.Next);

        var late = SchedulePlanner.Plan(Hourly, TimeZoneInfo.Utc, At(10), At(13, 30), MissedAfter, MissedRunsPolicy.Skip);
        Assert.Null(late.RunAt);
        Assert.Equal(4, late.Missed);
        Assert.Equal(At(13), late.LastMissed);
        Assert.Equal(At(14), late.Next);
    }

    [Fact]
    public void After_downtime_with_run_once_the_missed_occurrences_run_once_together()
    {
        var plan = SchedulePlanner.Plan(Hourly, TimeZoneInfo.Utc, At(10), At(13, 30), MissedAfter, MissedRunsPolicy.RunOnce);
        Assert.Equal(At(13), plan.RunAt); // one run, at the latest missed occurrence
        Assert.Equal(4, plan.Missed);
        Assert.Equal(At(13), plan.LastMissed);
        Assert.Equal(At(14), plan.Next);
    }

    [Fact]
    public void Nothing_due_yet_runs_nothing()
    {
        var plan = SchedulePlanner.Plan(Hourly, TimeZoneInfo.Utc, At(11), At(10, 59, 59), MissedAfter, MissedRunsPolicy.RunOnce);
        Assert.Null(plan.RunAt);
        Assert.Equal(0, plan.Missed);
        Assert.Equal(At(11), plan.Next);
    }

    [Fact]
    public void An_occurrence_due_exactly_now_runs()
    {
        var plan = SchedulePlanner.Plan(Hourly, TimeZoneInfo.Utc, At(10), At(10), MissedAfter, MissedRunsPolicy.Skip);
        Assert.Equal(At(10), plan.RunAt);
        Assert.Equal(At(11), plan.Next);
    }

    [Theory]
    [InlineData(OverlapPolicy.Skip, false, false, OverlapDecision.Start)]
    [InlineData(OverlapPolicy.Skip, true, false, OverlapDecision.Skip)]
    [InlineData(OverlapPolicy.Queue, false, false, OverlapDecision.Start)]
    [InlineData(OverlapPolicy.Queue, true, false, OverlapDecision.Queue)]
    [InlineData(OverlapPolicy.Queue, false, true, OverlapDecision.Queue)]
    [InlineData(OverlapPolicy.Parallel, true, true, OverlapDecision.Start)]
    public void Overlap_policies(OverlapPolicy policy, bool previousActive, bool queueWaiting, OverlapDecision expected) =>
        Assert.Equal(expected, SchedulePlanner.Decide(policy, previousActive, queueWaiting));

    [Fact]
    public void Only_terminal_statuses_end_a_run_for_the_overlap_policy() =>
        Assert.Equal([ExecutionStatus.Pending, ExecutionStatus.Running, ExecutionStatus.Paused], ScheduleFiring.ActiveStatuses);
}
