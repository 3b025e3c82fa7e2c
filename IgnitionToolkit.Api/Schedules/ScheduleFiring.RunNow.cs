using IgnitionToolkit.Api.Problems;
using IgnitionToolkit.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace IgnitionToolkit.Api.Schedules;

/// <summary>Answer of <c>POST /api/v1/schedules/{id}/run-now</c>: <c>started</c> with the execution (or fleet run) it
/// started, or <c>queued</c> behind the schedule's run still going (overlap <c>queue</c>).</summary>
public sealed record ScheduleRunNowDto(Guid ScheduleId, string ScheduleName, string State, Guid? ExecutionId, Guid? FleetRunId, string? Detail);

public sealed partial class ScheduleFiring
{
    /// <summary>Runs schedule <paramref name="id"/> now, for <paramref name="user"/>, through the same start as a due
    /// occurrence: a claim row (due now, detail "run now by ..."), the overlap policy, the schedule's parameters,
    /// credential or fleet target, and the execution naming the schedule. The schedule's next occurrence is not moved.
    /// A disabled schedule can be run now too (trying it before enabling it). Skipped by the overlap policy: 409 with the
    /// reason; refused by the starter: its problem.</summary>
    public async Task<Results<Accepted<ScheduleRunNowDto>, ProblemHttpResult>> RunNowAsync(Guid id, string user, CancellationToken ct)
    {
        var schedule = await db.Schedules.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (schedule is null) return ApiProblems.NotFound($"schedule {id} does not exist");
        schedule.Version++; // two run-nows (or a run-now and a due run) decide the overlap one after the other
        var asked = $"run now by {user}";
        var overlap = WireNames.TryParse<OverlapPolicy>(schedule.Overlap, out var o) ? o : OverlapPolicy.Skip;
        var active = await ActiveRunAsync(id, ct);
        var waiting = await db.ScheduleRuns.AnyAsync(r => r.ScheduleId == id && r.State == Queued, ct);
        var now = clock.GetUtcNow();
        switch (SchedulePlanner.Decide(overlap, active is not null, waiting))
        {
            case OverlapDecision.Skip:
                var skipped = $"skipped: the previous run {active} is still going (overlap: skip)";
                Claim(schedule, now, ScheduleRunState.Skipped, $"{asked}: {skipped}");
                schedule.LastOutcome = skipped;
                LogSkipped(logger, schedule.Name, skipped);
                return await SaveClaimAsync(schedule.Name, ct) ? ApiProblems.Conflict($"schedule '{schedule.Name}' {skipped}") : ChangedMeanwhile(schedule);
            case OverlapDecision.Queue:
                var queued = Claim(schedule, now, ScheduleRunState.Queued, $"{asked}: queued behind the previous run");
                schedule.LastOutcome = "queued behind the previous run";
                if (!await SaveClaimAsync(schedule.Name, ct)) return ChangedMeanwhile(schedule);
                return TypedResults.Accepted($"/api/v1/schedules/{id}/runs", Answer(schedule, queued));
            default:
                var run = Claim(schedule, now, ScheduleRunState.Started, asked);
                _refusal = null;
                if (!await StartAsync(schedule, run, ct, startedBy: user)) return ChangedMeanwhile(schedule);
                if (_refusal is not null) return Problem(_refusal) ?? ApiProblems.Conflict(run.Detail ?? "not started");
                var location = run.FleetRunId is { } fleetRunId ? $"/api/v1/fleet-runs/{fleetRunId}" : $"/api/v1/executions/{run.ExecutionId}";
                return TypedResults.Accepted(location, Answer(schedule, run));
        }
    }

    private static ScheduleRunNowDto Answer(ScheduleRecord schedule, ScheduleRunRecord run) =>
        new(schedule.Id, schedule.Name, run.State, run.ExecutionId, run.FleetRunId, run.Detail);

    private static ProblemHttpResult ChangedMeanwhile(ScheduleRecord schedule) =>
        ApiProblems.Conflict($"schedule '{schedule.Name}' changed meanwhile (a run came due or another user saved or ran it); try again");

    private static ProblemHttpResult? Problem(object? result)
    {
        while (result is Microsoft.AspNetCore.Http.INestedHttpResult nested) result = nested.Result;
        return result as ProblemHttpResult;
    }
}
