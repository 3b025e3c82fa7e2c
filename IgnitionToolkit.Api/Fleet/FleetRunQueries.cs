using System.Text.Json;
using IgnitionToolkit.Api.Executions;
using IgnitionToolkit.Api.Persistence;
using IgnitionToolkit.Api.Problems;
using IgnitionToolkit.Core.Execution;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using IgnitionToolkit.Contracts;

namespace IgnitionToolkit.Api.Fleet;

/// <summary>Read side of fleet runs: the recent runs, and one run with a row per gateway whose status follows its execution.</summary>
public sealed class FleetRunQueries(ToolkitDbContext db)
{
    public async Task<Results<Ok<PagedResponse<FleetRunDto>>, ProblemHttpResult>> ListAsync(int? page, int? pageSize, CancellationToken ct)
    {
        var p = page ?? 1;
        var size = pageSize ?? ExecutionQueries.DefaultPageSize;
        if (p < 1) return ApiProblems.BadRequest("page must be 1 or more", "page");
        if (size < 1 || size > ExecutionQueries.MaxPageSize) return ApiProblems.BadRequest($"pageSize must be between 1 and {ExecutionQueries.MaxPageSize}", "pageSize");
        var runs = db.Set<FleetRunRecord>().AsNoTracking();
        var total = await runs.CountAsync(ct);
        var items = new List<FleetRunDto>();
        foreach (var run in await runs.OrderByDescending(r => r.CreatedAt).ThenBy(r => r.Id).Skip((p - 1) * size).Take(size).ToListAsync(ct))
            items.Add(await ToDtoAsync(db, run, ct, withRows: false));
        return TypedResults.Ok(new PagedResponse<FleetRunDto>(items, p, size, total, (int)Math.Ceiling(total / (double)size)));
    }

    public async Task<Results<Ok<FleetRunDto>, ProblemHttpResult>> GetAsync(Guid id, CancellationToken ct)
    {
        var run = await db.Set<FleetRunRecord>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        return run is null ? ApiProblems.NotFound($"fleet run {id} does not exist") : TypedResults.Ok(await ToDtoAsync(db, run, ct));
    }

    /// <summary>The run with its rows; a row with an execution shows the execution's current state (not the driver's last copy).</summary>
    public static async Task<FleetRunDto> ToDtoAsync(ToolkitDbContext db, FleetRunRecord run, CancellationToken ct, bool withRows = true)
    {
        var rows = await db.Set<FleetRunGatewayRecord>().AsNoTracking().Where(r => r.FleetRunId == run.Id).OrderBy(r => r.Order).ToListAsync(ct);
        var facts = await FleetRowFacts.LoadAsync(db, rows.Where(r => r.ExecutionId is not null).Select(r => r.ExecutionId!.Value).ToList(), ct);
        var gateways = rows.Select(r => ToDto(r, r.ExecutionId is { } e ? facts.GetValueOrDefault(e) : null)).ToList();
        var counts = new FleetRunCounts(gateways.Count,
            gateways.Count(g => g.Status == FleetStatuses.Waiting),
            gateways.Count(g => FleetStatuses.IsActive(g.Status)),
            gateways.Count(g => g.Status == ExecutionStatus.Completed.ToWire()),
            gateways.Count(g => FleetStatuses.IsFailure(g.Status)),
            gateways.Count(g => g.Status == FleetStatuses.Skipped));
        return new FleetRunDto(run.Id, run.PlaybookPath, run.PlaybookName, run.Status, run.StopReason, run.MaxParallel, run.StopAfterFailures,
            Parse(run.SelectionJson), Parse(run.ParametersJson), run.StartedBy, run.CreatedAt, run.FinishedAt, counts, withRows ? gateways : [], run.ScheduleId);
    }

    private static FleetRunGatewayDto ToDto(FleetRunGatewayRecord row, ExecutionFacts? fact)
    {
        var status = fact?.Status ?? row.Status;
        var started = fact?.StartedAt ?? row.StartedAt;
        var finished = fact is null ? row.FinishedAt : fact.FinishedAt;
        double? duration = started is { } s && finished is { } f ? (f - s).TotalMilliseconds : null;
        return new FleetRunGatewayDto(row.GatewayName, row.GatewayUrl, status, row.ExecutionId,
            row.ExecutionId is { } id ? $"/api/v1/executions/{id}" : null, started, finished, duration,
            fact is null ? row.FailedStep : fact.FailedStep, fact is null ? row.Error : fact.FailedStepError ?? fact.Error);
    }

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
