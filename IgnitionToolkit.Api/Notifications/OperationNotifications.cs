using IgnitionToolkit.Api.Fleet;
using IgnitionToolkit.Api.Playbooks;
using IgnitionToolkit.Api.Schedules;

namespace IgnitionToolkit.Api.Notifications;

/// <summary>The playbook side of a notification's scope (path, domain, group, tags), read from the library so the
/// webhooks' filters match every kind the same way; a playbook gone from the library leaves only its path.</summary>
public static class NotificationScopes
{
    public static async Task<NotificationScope> ForPlaybookAsync(PlaybookValidator validator, string playbookPath, CancellationToken ct)
    {
        var loaded = await validator.LoadFileAsync(playbookPath, ct);
        var summary = loaded is { } p ? PlaybookDtoMapping.ToSummary(playbookPath, p.Result) : null;
        return new NotificationScope(playbookPath, summary?.Domain, summary?.Group, summary?.Tags ?? []);
    }
}

/// <summary>The <c>data</c> of <c>schedule.missed</c>: occurrences that came due while no API instance could start them.</summary>
/// <param name="MissedRuns">The schedule's policy: <c>skip</c> (none of them ran) or <c>run_once</c> (the last one ran late).</param>
public sealed record ScheduleMissedPayload(
    Guid ScheduleId, string ScheduleName, string PlaybookPath, int Missed, DateTimeOffset FirstMissed, DateTimeOffset LastMissed,
    string MissedRuns, bool CaughtUp, string? Url);

/// <summary>The <c>data</c> of <c>fleet_run.finished</c>: the run's outcome and a line per gateway that did not complete.</summary>
public sealed record FleetRunFinishedPayload(
    Guid FleetRunId, string PlaybookPath, string PlaybookName, string Status, string? StopReason, string? StartedBy, Guid? ScheduleId,
    DateTimeOffset CreatedAt, DateTimeOffset? FinishedAt, int Gateways, int Completed, int Failed, int Skipped,
    IReadOnlyList<FleetGatewayOutcome> NotCompleted, string? Url);

/// <summary>One gateway of a finished fleet run that did not complete.</summary>
public sealed record FleetGatewayOutcome(string Gateway, string Status, Guid? ExecutionId, string? FailedStep, string? Error);

/// <summary>Builds the operations' notifications (schedules and fleet runs); the features publish them.</summary>
public static class OperationNotifications
{
    public static NotificationEvent ScheduleMissed(
        ScheduleRecord schedule, int missed, DateTimeOffset first, DateTimeOffset last, bool caughtUp, NotificationScope scope, Uri? webBaseUrl)
    {
        var url = webBaseUrl is null ? null : new Uri(webBaseUrl, "schedules").ToString();
        var payload = new ScheduleMissedPayload(schedule.Id, schedule.Name, schedule.PlaybookPath, missed, first, last, schedule.MissedRuns, caughtUp, url);
        var text = $"{missed} run(s) of schedule {schedule.Name} were missed from {first:u} to {last:u}"
            + (caughtUp ? "; the last one runs now (missed runs: run_once)" : "; none of them ran (missed runs: skip)");
        var facts = new List<NotificationFact>
        {
            new("Schedule", schedule.Name), new("Playbook", schedule.PlaybookPath), new("Missed", missed.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("From", first.ToString("u", System.Globalization.CultureInfo.InvariantCulture)), new("To", last.ToString("u", System.Globalization.CultureInfo.InvariantCulture)),
        };
        var links = url is null ? Array.Empty<NotificationLink>() : [new NotificationLink("schedules", "Open schedules", url)];
        return new NotificationEvent(NotificationKinds.ScheduleMissed, $"{NotificationKinds.ScheduleMissed}:{schedule.Id:D}:{last.UtcTicks}",
            last, $"Schedule missed: {schedule.Name}", text, scope, facts, links, payload);
    }

    public static NotificationEvent FleetRunFinished(
        FleetRunRecord run, IReadOnlyList<FleetRunGatewayRecord> rows, NotificationScope scope, Uri? webBaseUrl)
    {
        var url = webBaseUrl is null ? null : new Uri(webBaseUrl, $"fleet-runs/{run.Id:D}").ToString();
        var completed = rows.Count(r => r.Status == FleetStatuses.Completed);
        var skipped = rows.Count(r => r.Status == FleetStatuses.Skipped);
        var failed = rows.Count - completed - skipped;
        var notCompleted = rows.Where(r => r.Status != FleetStatuses.Completed)
            .Select(r => new FleetGatewayOutcome(r.GatewayName, r.Status, r.ExecutionId, r.FailedStep, r.Error)).ToList();
        var payload = new FleetRunFinishedPayload(run.Id, run.PlaybookPath, run.PlaybookName, run.Status, run.StopReason, run.StartedBy,
            run.ScheduleId, run.CreatedAt, run.FinishedAt, rows.Count, completed, failed, skipped, notCompleted, url);
        var text = $"Fleet run of {run.PlaybookName} {run.Status}: {completed} of {rows.Count} gateway(s) completed"
            + (failed > 0 ? $", {failed} did not ({string.Join(", ", notCompleted.Where(n => n.Status != FleetStatuses.Skipped).Select(n => n.Gateway))})" : "")
            + (skipped > 0 ? $", {skipped} skipped" : "") + (run.StopReason is { } why ? $" ({why})" : "");
        var facts = new List<NotificationFact>
        {
            new("Playbook", run.PlaybookPath), new("Status", run.Status),
            new("Gateways", $"{completed} completed, {failed} not completed, {skipped} skipped of {rows.Count}"),
        };
        if (run.StartedBy is { } by) facts.Add(new("Started by", by));
        var links = url is null ? Array.Empty<NotificationLink>() : [new NotificationLink("fleet_run", "Open fleet run", url)];
        return new NotificationEvent(NotificationKinds.FleetRunFinished, $"{NotificationKinds.FleetRunFinished}:{run.Id:D}",
            run.FinishedAt ?? DateTimeOffset.UtcNow, $"Fleet run {run.Status}: {run.PlaybookName}", text, scope, facts, links, payload);
    }
}
