using IgnitionToolkit.Api.Audit;
using IgnitionToolkit.Api.Auth;
using IgnitionToolkit.Api.Executions;
using IgnitionToolkit.Api.Persistence;
using IgnitionToolkit.Api.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace IgnitionToolkit.Api.Fleet;

/// <summary><c>/api/v1/fleet-runs</c>: start a playbook on a selection of the gateway inventory, list runs, one run with a
/// row per gateway, cancel.</summary>
public static class FleetRunEndpoints
{
    public static RouteGroupBuilder MapFleetRunEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/fleet-runs").WithTags("Fleet runs").RequireViewer();
        group.MapPost("/", (StartFleetRunRequest request, FleetRunCreator creator, CurrentUser user, CancellationToken ct) =>
            creator.CreateAsync(request, user.Name, ct)).WithName("StartFleetRun").RequireOperator()
            .Audited<FleetRunDto>("fleet_run.started", "fleet_run",
                c => c.Entry with { TargetId = c.Value.Id.ToString(), Detail = $"playbook {c.Value.PlaybookPath} on {c.Value.Counts.Total} gateway(s)" });
        group.MapGet("/", (FleetRunQueries queries, int? page, int? pageSize, CancellationToken ct) => queries.ListAsync(page, pageSize, ct))
            .WithName("ListFleetRuns");
        group.MapGet("/{id:guid}", (Guid id, FleetRunQueries queries, CancellationToken ct) => queries.GetAsync(id, ct)).WithName("GetFleetRun");
        group.MapPost("/{id:guid}/cancel", CancelAsync).WithName("CancelFleetRun").RequireOperator()
            .Audited("fleet_run.cancelled", "fleet_run", targetRouteValue: "id");
        return api;
    }

    /// <summary>Saves of a cancel that meet the driver's own save of the same run are tried again this many times.</summary>
    private const int MaxCancelAttempts = 5;

    /// <summary>Skips the gateways not started yet and cancels the running executions; the run ends <c>cancelled</c> once
    /// they have stopped.</summary>
    private static async Task<Results<Accepted<FleetRunDto>, ProblemHttpResult>> CancelAsync(
        Guid id, ToolkitDbContext db, ExecutionControl control, FleetRunDriver driver, CancellationToken ct)
    {
        FleetRunRecord? run = null;
        for (var attempt = 1; ; attempt++)
        {
            run = await db.Set<FleetRunRecord>().FirstOrDefaultAsync(r => r.Id == id, ct);
            if (run is null) return ApiProblems.NotFound($"fleet run {id} does not exist");
            if (run.Status != FleetStatuses.Running) return ApiProblems.Conflict($"fleet run {id} is {run.Status}; it can no longer be cancelled");
            run.CancelRequested = true;
            run.StopReason = "cancelled";
            run.Version++;
            try
            {
                await db.SaveChangesAsync(ct);
                break;
            }
            catch (DbUpdateConcurrencyException) when (attempt < MaxCancelAttempts)
            {
                db.ChangeTracker.Clear(); // the driver advanced the run meanwhile (it does every pass): read it again
            }
            catch (DbUpdateConcurrencyException)
            {
                return ApiProblems.Conflict($"fleet run {id} changed meanwhile; try again");
            }
        }
        // Rows claimed by the driver are started and followed as usual; waiting ones are skipped on its next pass.
        var active = await db.Set<FleetRunGatewayRecord>().AsNoTracking()
            .Where(r => r.FleetRunId == id && r.ExecutionId != null).Select(r => r.ExecutionId!.Value).ToListAsync(ct);
        var facts = await FleetRowFacts.LoadAsync(db, active, ct);
        foreach (var (executionId, fact) in facts.Where(f => !FleetStatuses.IsFinished(f.Value.Status)))
            await control.SendAsync(executionId, "cancel", ct);
        driver.Nudge();
        return TypedResults.Accepted($"/api/v1/fleet-runs/{id}", await FleetRunQueries.ToDtoAsync(db, run, ct));
    }
}
