using System.Text.Json;
using IgnitionToolkit.Api.Audit;
using IgnitionToolkit.Api.Cluster;
using IgnitionToolkit.Api.Executions;
using IgnitionToolkit.Api.Fleet;
using IgnitionToolkit.Api.Notifications;
using IgnitionToolkit.Api.Playbooks;
using IgnitionToolkit.Api.Persistence;
using IgnitionToolkit.Api.Persistence.Entities;
using IgnitionToolkit.Contracts;
using IgnitionToolkit.Core.Execution.Status;
using Microsoft.EntityFrameworkCore;

namespace IgnitionToolkit.Api.Schedules;

/// <summary>
/// Handles one due schedule (or its oldest queued run) in its own scope. Exactly once across API instances: the claim
/// row (unique per schedule and due time), the schedule's advanced next occurrence (a concurrency token) and the
/// execution are saved in one transaction by <see cref="ExecutionStarter"/>'s save, before anything is sent to the
/// Runners. An instance that loses the race gets a concurrency or unique-key error and sends nothing.
/// </summary>
public sealed partial class ScheduleFiring(
    ToolkitDbContext db, ExecutionStarter starter, FleetRunCreator fleet, AuditTrail audit, ApiInstance instance, ScheduleOptions options,
    INotificationPublisher notifications, NotificationOptions notificationOptions, PlaybookValidator playbooks, TimeProvider clock, ILogger<ScheduleFiring> logger)
{
    /// <summary>Execution statuses that count as "still active" for the overlap policy: every non-terminal one (the state machine's).</summary>
    public static readonly ExecutionStatus[] ActiveStatuses = [.. StatusRules.LiveStatuses];

    private static readonly string Queued = ScheduleRunState.Queued.ToWire();

    /// <summary>Handles the due occurrences of schedule <paramref name="id"/>; false when nothing was due or another instance handled them.
    /// Runs missed meanwhile are told as a <c>schedule.missed</c> notification by the instance that recorded them.</summary>
    public async Task<bool> FireDueAsync(Guid id, CancellationToken ct)
    {
        _missed = null;
        var handled = await HandleDueAsync(id, ct);
        if (handled && _missed is { } missed)
        {
            var scope = await NotificationScopes.ForPlaybookAsync(playbooks, missed.Schedule.PlaybookPath, CancellationToken.None);
            await notifications.PublishAsync(OperationNotifications.ScheduleMissed(missed.Schedule, missed.Plan.Missed, missed.Plan.FirstMissed!.Value,
                missed.Plan.LastMissed!.Value, missed.Plan.RunAt == missed.Plan.LastMissed, scope, notificationOptions.WebBaseUrl), CancellationToken.None);
        }
        return handled;
    }

    /// <summary>Why the last start was refused (the starter's problem), for a run now to answer with.</summary>
    private object? _refusal;

    /// <summary>Missed runs found by this pass, told once the pass is saved.</summary>
    private (ScheduleRecord Schedule, SchedulePlan Plan)? _missed;

    private async Task<bool> HandleDueAsync(Guid id, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var schedule = await db.Schedules.FirstOrDefaultAsync(s => s.Id == id && s.Enabled && s.NextDueAt != null && s.NextDueAt <= now, ct);
        if (schedule is null) return false;
        var cron = ScheduleTiming.Parse(schedule.Cron, "cron").Expression;
        var zone = ScheduleTiming.FindZone(schedule.TimeZone);
        if (cron is null || zone is null)
        {
            LogUnreadable(logger, schedule.Name, schedule.Cron, schedule.TimeZone);
            schedule.Enabled = false;
            schedule.NextDueAt = null;
            schedule.LastOutcome = $"disabled: cannot read '{schedule.Cron}' in '{schedule.TimeZone}' on this server";
            schedule.Version++;
            return await SaveClaimAsync(schedule.Name, ct);
        }
        var missedPolicy = WireNames.TryParse<MissedRunsPolicy>(schedule.MissedRuns, out var m) ? m : MissedRunsPolicy.Skip;
        var plan = SchedulePlanner.Plan(cron, zone, schedule.NextDueAt!.Value, now, options.MissedAfter, missedPolicy);
        schedule.NextDueAt = plan.Next;
        schedule.LastDueAt = plan.LastDue ?? schedule.LastDueAt;
        schedule.Version++;

        string? missedNote = null;
        if (plan.Missed > 0)
        {
            missedNote = $"{plan.Missed} run(s) missed from {plan.FirstMissed:u} to {plan.LastMissed:u}";
            if (plan.RunAt != plan.LastMissed)
                Claim(schedule, plan.LastMissed!.Value, ScheduleRunState.Missed, $"{missedNote} (missed runs: {schedule.MissedRuns})");
            LogMissed(logger, schedule.Name, missedNote);
            _missed = (schedule, plan);
        }
        if (plan.RunAt is not { } dueAt)
        {
            schedule.LastOutcome = missedNote;
            return await SaveClaimAsync(schedule.Name, ct);
        }

        var overlap = WireNames.TryParse<OverlapPolicy>(schedule.Overlap, out var o) ? o : OverlapPolicy.Skip;
        var active = await ActiveRunAsync(id, ct);
        var waiting = await db.ScheduleRuns.AnyAsync(r => r.ScheduleId == id && r.State == Queued, ct);
        var caughtUp = plan.RunAt == plan.LastMissed ? $"catching up: {missedNote}" : null;
        switch (SchedulePlanner.Decide(overlap, active is not null, waiting))
        {
            case OverlapDecision.Skip:
                var skipped = $"skipped: the previous run {active} is still going";
                Claim(schedule, dueAt, ScheduleRunState.Skipped, skipped);
                schedule.LastOutcome = skipped;
                LogSkipped(logger, schedule.Name, skipped);
                return await SaveClaimAsync(schedule.Name, ct);
            case OverlapDecision.Queue:
                Claim(schedule, dueAt, ScheduleRunState.Queued, caughtUp ?? "queued behind the previous run");
                schedule.LastOutcome = "queued behind the previous run";
                return await SaveClaimAsync(schedule.Name, ct);
            default:
                return await StartAsync(schedule, Claim(schedule, dueAt, ScheduleRunState.Started, caughtUp), ct);
        }
    }

    /// <summary>Starts the oldest queued run of schedule <paramref name="id"/> once no run it started is active.</summary>
    public async Task<bool> StartQueuedAsync(Guid id, CancellationToken ct)
    {
        var run = await db.ScheduleRuns.Where(r => r.ScheduleId == id && r.State == Queued).OrderBy(r => r.DueAt).FirstOrDefaultAsync(ct);
        if (run is null) return false;
        if (await ActiveRunAsync(id, ct) is not null) return false;
        var schedule = await db.Schedules.FirstAsync(s => s.Id == id, ct);
        run.Version++; // of two instances taking the same queued run, one saves
        run.Instance = instance.Id;
        if (!schedule.Enabled)
        {
            run.State = ScheduleRunState.Skipped.ToWire();
            run.Detail = "skipped: the schedule was disabled while this run waited";
            return await SaveClaimAsync(schedule.Name, ct);
        }
        run.State = ScheduleRunState.Started.ToWire();
        return await StartAsync(schedule, run, ct);
    }

    /// <summary>The schedule's run still going, named (an execution, or a fleet run for a schedule that targets a fleet); null: none.</summary>
    private async Task<string?> ActiveRunAsync(Guid id, CancellationToken ct)
    {
        var execution = await db.Executions.AsNoTracking().Where(e => e.ScheduleId == id && ActiveStatuses.Contains(e.Status))
            .Select(e => new { e.Id, e.Status }).FirstOrDefaultAsync(ct);
        if (execution is not null) return $"{execution.Id} ({execution.Status.ToWire()})";
        var running = FleetStatuses.Running;
        var fleetRun = await db.Set<FleetRunRecord>().AsNoTracking().Where(r => r.ScheduleId == id && r.Status == running)
            .Select(r => (Guid?)r.Id).FirstOrDefaultAsync(ct);
        return fleetRun is { } runId ? $"fleet run {runId}" : null;
    }

    /// <param name="startedBy">Who asked for it (a run now); null: the user who saved the schedule.</param>
    private async Task<bool> StartAsync(ScheduleRecord schedule, ScheduleRunRecord run, CancellationToken ct, string? startedBy = null)
    {
        startedBy ??= schedule.UpdatedBy ?? schedule.CreatedBy ?? "scheduler";
        if (ScheduleMapping.FleetTargetOf(schedule) is { } target) return await StartFleetAsync(schedule, target, run, startedBy, ct);
        var request = new StartExecutionRequest(schedule.PlaybookPath, JsonDocument.Parse(schedule.ParametersJson).RootElement.Clone(),
            StartedBy: startedBy, CredentialName: schedule.CredentialName);
        try
        {
            var executionId = Guid.NewGuid();
            run.ExecutionId = executionId;
            schedule.LastOutcome = $"started execution {executionId}";
            // The starter's one save stores the execution with the claim and the schedule's change (same context).
            var origin = ExecutionOrigin.Schedule(schedule.Id, schedule.Name, executionId) with { Audit = new(startedBy, $"schedule {schedule.Name}") };
            var result = await starter.StartAsync(request, origin, ct);
            var execution = db.ChangeTracker.Entries<ExecutionRecord>().Select(e => e.Entity).FirstOrDefault(e => e.Id == executionId);
            if (execution is null) return await RefusedAsync(schedule, run, result.Result, ct);
            LogStarted(logger, schedule.Name, execution.Id, run.DueAt, instance.Id);
            return true;
        }
        catch (DbUpdateException ex)
        {
            LogLostRace(logger, schedule.Name, run.DueAt, ex.GetType().Name);
            return false;
        }
    }

    /// <summary>Like <see cref="StartAsync"/> for a schedule that targets a fleet: the fleet run is stored in the same save as
    /// the claim, so it too starts once across instances; the fleet run's own driver starts its executions.</summary>
    private async Task<bool> StartFleetAsync(ScheduleRecord schedule, ScheduleFleetTarget target, ScheduleRunRecord run, string startedBy, CancellationToken ct)
    {
        var runId = Guid.NewGuid();
        run.FleetRunId = runId;
        schedule.LastOutcome = $"started fleet run {runId}";
        var request = new StartFleetRunRequest(schedule.PlaybookPath, JsonDocument.Parse(schedule.ParametersJson).RootElement.Clone(),
            target.Selection, target.MaxParallel, target.StopAfterFailures);
        try
        {
            var result = await fleet.CreateAsync(request, startedBy, ct, new FleetRunOrigin(runId, schedule.Id));
            if (result.Result is not Microsoft.AspNetCore.Http.HttpResults.Accepted<FleetRunDto>) return await RefusedAsync(schedule, run, result.Result, ct);
            LogFleetStarted(logger, schedule.Name, runId, run.DueAt, instance.Id);
            await audit.RecordAsAsync(startedBy, "fleet_run.started", "fleet_run", runId.ToString(),
                $"playbook {schedule.PlaybookPath} by schedule {schedule.Name}", CancellationToken.None);
            return true;
        }
        catch (DbUpdateException ex)
        {
            LogLostRace(logger, schedule.Name, run.DueAt, ex.GetType().Name);
            return false;
        }
    }

    /// <summary>A start refused before anything was saved (playbook gone or invalid, credential deleted...): the claim
    /// records why, and names no execution or fleet run.</summary>
    private async Task<bool> RefusedAsync(ScheduleRecord schedule, ScheduleRunRecord run, object? refusal, CancellationToken ct)
    {
        _refusal = refusal;
        run.ExecutionId = null;
        run.FleetRunId = null;
        run.State = ScheduleRunState.Failed.ToWire();
        run.Detail = Cut($"not started: {ProblemText(refusal)}");
        schedule.LastOutcome = run.Detail;
        LogRefused(logger, schedule.Name, schedule.PlaybookPath, run.Detail);
        return await SaveClaimAsync(schedule.Name, ct);
    }

    private ScheduleRunRecord Claim(ScheduleRecord schedule, DateTimeOffset dueAt, ScheduleRunState state, string? detail)
    {
        var run = new ScheduleRunRecord
        {
            Id = Guid.NewGuid(), ScheduleId = schedule.Id, DueAt = dueAt.ToUniversalTime(), State = state.ToWire(), Detail = Cut(detail),
            RecordedAt = clock.GetUtcNow(), Instance = instance.Id,
        };
        db.ScheduleRuns.Add(run);
        return run;
    }

    /// <summary>Saves the claim without an execution; false when another instance had already handled the occurrence.</summary>
    private async Task<bool> SaveClaimAsync(string name, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            LogHandledElsewhere(logger, name);
            return false;
        }
    }

    private static string ProblemText(object? result)
    {
        while (result is Microsoft.AspNetCore.Http.INestedHttpResult nested) result = nested.Result;
        return result is Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult problem
            ? $"{problem.ProblemDetails.Detail ?? problem.ProblemDetails.Title}{Diagnostics(problem)}"
            : "refused";
    }

    private static string Diagnostics(Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult problem) =>
        problem.ProblemDetails.Extensions.TryGetValue("diagnostics", out var d) && d is IEnumerable<Problems.DiagnosticDto> list
            ? ": " + string.Join("; ", list.Select(x => $"{x.Field}: {x.Message}"))
            : "";

    private static string? Cut(string? text) => text is { Length: > 1000 } ? text[..1000] : text;

    [LoggerMessage(Level = LogLevel.Error, Message = "Schedule {Schedule} has a cron expression or time zone this server cannot read ({Cron}, {Zone}); disabled")]
    private static partial void LogUnreadable(ILogger logger, string schedule, string cron, string zone);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Schedule {Schedule}: {Missed}")]
    private static partial void LogMissed(ILogger logger, string schedule, string missed);

    [LoggerMessage(Level = LogLevel.Information, Message = "Schedule {Schedule} {Outcome}")]
    private static partial void LogSkipped(ILogger logger, string schedule, string outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Schedule {Schedule} could not start {Playbook}: {Detail}")]
    private static partial void LogRefused(ILogger logger, string schedule, string playbook, string? detail);

    [LoggerMessage(Level = LogLevel.Information, Message = "Schedule {Schedule} started execution {ExecutionId} for {DueAt:u} on instance {Instance}")]
    private static partial void LogStarted(ILogger logger, string schedule, Guid executionId, DateTimeOffset dueAt, string instance);

    [LoggerMessage(Level = LogLevel.Information, Message = "Schedule {Schedule} started fleet run {FleetRunId} for {DueAt:u} on instance {Instance}")]
    private static partial void LogFleetStarted(ILogger logger, string schedule, Guid fleetRunId, DateTimeOffset dueAt, string instance);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Schedule {Schedule}: the run due {DueAt:u} was handled by another instance ({Reason})")]
    private static partial void LogLostRace(ILogger logger, string schedule, DateTimeOffset dueAt, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Schedule {Schedule}: handled by another instance")]
    private static partial void LogHandledElsewhere(ILogger logger, string schedule);
}
