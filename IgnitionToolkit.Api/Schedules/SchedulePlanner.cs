using Cronos;

namespace IgnitionToolkit.Api.Schedules;

/// <summary>What to do with a schedule whose next occurrence has come: at most one run to start now, the occurrences
/// that were missed (the API was down, or too late for them), and the next occurrence to wait for.</summary>
/// <param name="RunAt">The occurrence to run now (its due time is the run's claim), or null.</param>
/// <param name="Missed">How many occurrences are not run.</param>
/// <param name="FirstMissed">The first of them.</param>
/// <param name="LastMissed">The last of them.</param>
/// <param name="LastDue">The last occurrence that came due.</param>
/// <param name="Next">The next occurrence after now (null: never again).</param>
public sealed record SchedulePlan(DateTimeOffset? RunAt, int Missed, DateTimeOffset? FirstMissed, DateTimeOffset? LastMissed, DateTimeOffset? LastDue, DateTimeOffset? Next);

public enum OverlapDecision { Start, Skip, Queue }

/// <summary>The scheduler's decisions as pure functions of the times and policies (unit-tested without a clock).</summary>
public static class SchedulePlanner
{
    /// <summary>
    /// The occurrences from <paramref name="nextDue"/> up to <paramref name="now"/> are due. The latest one runs when it is
    /// at most <paramref name="missedAfter"/> old; every other one is missed. Missed runs are dropped (policy
    /// <see cref="MissedRunsPolicy.Skip"/>) or, with <see cref="MissedRunsPolicy.RunOnce"/>, run once together: one run
    /// at the latest occurrence whatever its age.
    /// </summary>
    public static SchedulePlan Plan(CronExpression cron, TimeZoneInfo zone, DateTimeOffset nextDue, DateTimeOffset now,
        TimeSpan missedAfter, MissedRunsPolicy policy)
    {
        var count = 0;
        DateTimeOffset? first = null, previous = null, latest = null;
        // Cronos wants from < to: starting a tick early (exclusive) keeps nextDue itself, also when it equals now.
        var occurrences = nextDue <= now
            ? cron.GetOccurrences(nextDue.ToUniversalTime().AddTicks(-1), now.ToUniversalTime(), zone, fromInclusive: false, toInclusive: true)
            : [];
        foreach (var occurrence in occurrences)
        {
            count++;
            first ??= occurrence.ToUniversalTime();
            previous = latest;
            latest = occurrence.ToUniversalTime();
        }
        var next = cron.GetNextOccurrence(now, zone)?.ToUniversalTime();
        if (latest is null) return new SchedulePlan(null, 0, null, null, null, next);

        var onTime = now - latest.Value <= missedAfter;
        var missed = onTime ? count - 1 : count;
        var lastMissed = onTime ? previous : latest;
        DateTimeOffset? runAt = onTime || (policy == MissedRunsPolicy.RunOnce && missed > 0) ? latest : null;
        return new SchedulePlan(runAt, missed, missed > 0 ? first : null, missed > 0 ? lastMissed : null, latest, next);
    }

    /// <summary>Start, skip or queue a due run, given whether a run this schedule started is still active (or waits in
    /// its queue: a queued run goes first, so a newer one queues behind it).</summary>
    public static OverlapDecision Decide(OverlapPolicy policy, bool previousActive, bool queueWaiting) => policy switch
    {
        OverlapPolicy.Parallel => OverlapDecision.Start,
        OverlapPolicy.Queue => previousActive || queueWaiting ? OverlapDecision.Queue : OverlapDecision.Start,
        _ => previousActive ? OverlapDecision.Skip : OverlapDecision.Start,
    };
}
