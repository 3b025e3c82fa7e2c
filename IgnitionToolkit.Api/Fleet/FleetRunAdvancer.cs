using System.Text.Json;
using IgnitionToolkit.Api.Executions;
using IgnitionToolkit.Api.Notifications;
using IgnitionToolkit.Api.Playbooks;
using IgnitionToolkit.Api.Persistence;
using IgnitionToolkit.Core.Execution;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using IgnitionToolkit.Contracts;

namespace IgnitionToolkit.Api.Fleet;

/// <summary>
/// One step forward for one fleet run: rows follow their executions, stop-after-failures skips what has not started,
/// free slots (the run's <c>max_parallel</c>, each gateway's own limit) are claimed and their executions started through
/// the one <see cref="ExecutionStarter"/>, and a run whose rows are all final gets its outcome.
/// Claiming bumps the run's concurrency token in the same save as the rows it claims: if two API instances ever advanced
/// the same run at once, one save fails and that instance starts nothing, so no limit can be exceeded.
/// </summary>
public sealed class FleetRunAdvancer(
    ToolkitDbContext db, ExecutionStarter starter, INotificationPublisher notifications, NotificationOptions notificationOptions,
    PlaybookValidator playbooks, TimeProvider clock, ILogger<FleetRunAdvancer> logger)
{
    /// <summary>A claimed row whose execution was not recorded within this time (its instance stopped meanwhile) fails.</summary>
    public static readonly TimeSpan ClaimTimeout = TimeSpan.FromMinutes(2);

    public async Task AdvanceAsync(Guid runId, CancellationToken ct)
    {
        var run = await db.Set<FleetRunRecord>().FirstOrDefaultAsync(r => r.Id == runId, ct);
        if (run is null || run.Status != FleetStatuses.Running) return;
        var rows = await db.Set<FleetRunGatewayRecord>().Where(r => r.FleetRunId == runId).OrderBy(r => r.Order).ToListAsync(ct);
        var now = clock.GetUtcNow();
        await FollowExecutionsAsync(rows, now, ct);

        if (!run.CancelRequested && run.StopReason is null && FleetPlanner.ShouldStop(rows.Select(ToPlan), run.StopAfterFailures))
            run.StopReason = $"stopped after {run.StopAfterFailures} failed gateway(s)";
        if (run.StopReason is not null)
            foreach (var row in rows.Where(r => r.Status == FleetStatuses.Waiting)) { row.Status = FleetStatuses.Skipped; row.Error = run.StopReason; }

        if (FleetPlanner.Outcome(rows.Select(ToPlan).ToList(), run.StopReason is not null) is { } outcome)
        {
            run.Status = run.CancelRequested ? FleetStatuses.Cancelled : outcome;
            run.FinishedAt = now;
            run.Version++;
            await db.SaveChangesAsync(ct); // the concurrency token makes this save, and so the notification, happen once
            logger.LogInformation("Fleet run {FleetRunId} finished: {Status}", run.Id, run.Status);
            var scope = await NotificationScopes.ForPlaybookAsync(playbooks, run.PlaybookPath, CancellationToken.None);
            await notifications.PublishAsync(OperationNotifications.FleetRunFinished(run, rows, scope, notificationOptions.WebBaseUrl), CancellationToken.None);
            return;
        }

        var plan = rows.Select(ToPlan).ToList();
        var candidates = plan.Where(r => r.Status == FleetStatuses.Waiting).Select(r => r.GatewayId).Distinct().ToList();
        var busy = await ActiveOnGatewaysAsync(candidates, ct);
        var picked = FleetPlanner.NextToStart(plan, run.MaxParallel, busy).Select(p => rows.First(r => r.Id == p.Id)).ToList();
        if (picked.Count == 0 && !db.ChangeTracker.HasChanges()) return; // nothing to write this pass
        foreach (var row in picked) { row.Status = FleetStatuses.Starting; row.ClaimedAt = now; }
        run.Version++;
        try
        {
            await db.SaveChangesAsync(ct); // the claim: fails if another instance advanced the run meanwhile
        }
        catch (DbUpdateConcurrencyException)
        {
            logger.LogInformation("Fleet run {FleetRunId} was advanced by another instance; this pass starts nothing", run.Id);
            db.ChangeTracker.Clear();
            return;
        }
        foreach (var row in picked) await StartAsync(run, row, ct);
    }

    /// <summary>The one place a fleet row becomes a start request: the run's parameters, the gateway's URL as
    /// <c>gateway_url</c>, and the gateway's credential as <c>credential_name</c> (which fills username/password the same
    /// way as for any execution, in <see cref="Credentials.ExecutionCredentials"/>).</summary>
    public static StartExecutionRequest RequestFor(FleetRunRecord run, FleetRunGatewayRecord row)
    {
        var parameters = System.Text.Json.Nodes.JsonNode.Parse(run.ParametersJson)!.AsObject();
        parameters[FleetRunCreator.GatewayUrlParameter] = row.GatewayUrl;
        return new StartExecutionRequest(run.PlaybookPath, JsonDocument.Parse(parameters.ToJsonString()).RootElement.Clone(),
            StartedBy: run.StartedBy, CredentialName: row.CredentialName);
    }

    private async Task StartAsync(FleetRunRecord run, FleetRunGatewayRecord row, CancellationToken ct)
    {
        var result = await starter.StartAsync(RequestFor(run, row), ExecutionOrigin.FleetRun(run.Id), ct);
        switch (result.Result)
        {
            case Accepted<ExecutionSummaryDto> accepted:
                row.ExecutionId = accepted.Value!.Id;
                row.Status = accepted.Value.Status;
                break;
            case ProblemHttpResult problem:
                row.Status = ExecutionStatus.Failed.ToWire();
                row.FinishedAt = clock.GetUtcNow();
                row.Error = Cut($"not started: {problem.ProblemDetails.Detail ?? problem.ProblemDetails.Title}{Diagnostics(problem)}");
                logger.LogWarning("Fleet run {FleetRunId}: gateway {Gateway} not started: {Error}", run.Id, row.GatewayName, row.Error);
                break;
        }
        await db.SaveChangesAsync(CancellationToken.None); // the execution exists now: its link must be kept
    }

    private async Task FollowExecutionsAsync(List<FleetRunGatewayRecord> rows, DateTimeOffset now, CancellationToken ct)
    {
        var following = rows.Where(r => r.ExecutionId is not null && !FleetStatuses.IsFinal(r.Status)).ToList();
        var facts = await FleetRowFacts.LoadAsync(db, following.Select(r => r.ExecutionId!.Value).ToList(), ct);
        foreach (var row in following)
        {
            if (!facts.TryGetValue(row.ExecutionId!.Value, out var fact)) continue;
            row.Status = fact.Status;
            row.StartedAt = fact.StartedAt;
            row.FinishedAt = fact.FinishedAt;
            row.FailedStep = fact.FailedStep;
            row.Error = (fact.FailedStepError ?? fact.Error) is { } error ? Cut(error) : null;
        }
        foreach (var row in rows.Where(r => r.Status == FleetStatuses.Starting && r.ExecutionId is null && now - r.ClaimedAt > ClaimTimeout))
        {
            row.Status = ExecutionStatus.Failed.ToWire();
            row.Error = "not started: the API instance that was starting it stopped";
            row.FinishedAt = now;
        }
    }

    /// <summary>Fleet executions not finished yet on each of <paramref name="gatewayIds"/>, over every fleet run.</summary>
    private async Task<Dictionary<Guid, int>> ActiveOnGatewaysAsync(List<Guid> gatewayIds, CancellationToken ct)
    {
        if (gatewayIds.Count == 0) return [];
        var unfinished = FleetStatuses.UnfinishedExecutionStatuses;
        var starting = FleetStatuses.Starting;
        var running = await (from row in db.Set<FleetRunGatewayRecord>().AsNoTracking()
                             join execution in db.Executions.AsNoTracking() on row.ExecutionId equals execution.Id
                             where gatewayIds.Contains(row.GatewayId) && unfinished.Contains(execution.Status)
                             select row.GatewayId).ToListAsync(ct);
        var claimed = await db.Set<FleetRunGatewayRecord>().AsNoTracking()
            .Where(r => gatewayIds.Contains(r.GatewayId) && r.Status == starting && r.ExecutionId == null).Select(r => r.GatewayId).ToListAsync(ct);
        return running.Concat(claimed).GroupBy(g => g).ToDictionary(g => g.Key, g => g.Count());
    }

    private static FleetPlanner.Row ToPlan(FleetRunGatewayRecord r) => new(r.Id, r.GatewayId, r.Order, r.Status, r.ConcurrencyLimit);

    private static string Diagnostics(ProblemHttpResult problem) =>
        problem.ProblemDetails.Extensions.TryGetValue("diagnostics", out var d) && d is IEnumerable<Problems.DiagnosticDto> list
            ? string.Concat(list.Select(x => $"; {x.Field}: {x.Message}")) : "";

    private static string Cut(string text) => text.Length <= 2048 ? text : text[..2045] + "...";
}
