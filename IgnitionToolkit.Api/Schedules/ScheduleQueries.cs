using IgnitionToolkit.Api.Executions;
using IgnitionToolkit.Api.Persistence;
using IgnitionToolkit.Api.Problems;
using IgnitionToolkit.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace IgnitionToolkit.Api.Schedules;

/// <summary>Read side of schedules: the list, one schedule, its next run times and the runs it handled.</summary>
public sealed class ScheduleQueries(ToolkitDbContext db, TimeProvider clock)
{
    public const int MaxNext = 100;

    public async Task<Ok<List<ScheduleDto>>> ListAsync(CancellationToken ct)
    {
        var rows = await db.Schedules.AsNoTracking().OrderBy(s => s.Name).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(ScheduleMapping.ToDto).ToList());
    }

    public async Task<Results<Ok<ScheduleDto>, ProblemHttpResult>> GetAsync(Guid id, CancellationToken ct) =>
        await db.Schedules.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) is { } record
            ? TypedResults.Ok(ScheduleMapping.ToDto(record))
            : ApiProblems.NotFound($"schedule {id} does not exist");

    /// <summary>The next <paramref name="count"/> occurrences from now (also while disabled: what it would do).</summary>
    public async Task<Results<Ok<List<NextRunDto>>, ProblemHttpResult>> NextAsync(Guid id, int? count, CancellationToken ct)
    {
        var n = count ?? 5;
        if (n is < 1 or > MaxNext) return ApiProblems.BadRequest($"count must be between 1 and {MaxNext}", "count");
        var record = await db.Schedules.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (record is null) return ApiProblems.NotFound($"schedule {id} does not exist");
        var zone = ScheduleTiming.FindZone(record.TimeZone);
        var cron = ScheduleTiming.Parse(record.Cron, "cron").Expression;
        if (zone is null || cron is null) return ApiProblems.Conflict($"schedule {id} has a time zone or cron expression this server does not know");
        var times = ScheduleTiming.Next(cron, zone, clock.GetUtcNow(), n);
        return TypedResults.Ok(times.Select(t => new NextRunDto(t, TimeZoneInfo.ConvertTime(t, zone), record.TimeZone)).ToList());
    }

    /// <summary>The occurrences the schedule handled, newest first, with the status of the executions it started.</summary>
    public async Task<Results<Ok<PagedResponse<ScheduleRunDto>>, ProblemHttpResult>> RunsAsync(Guid id, int? page, int? pageSize, CancellationToken ct)
    {
        var p = page ?? 1;
        var size = pageSize ?? ExecutionQueries.DefaultPageSize;
        if (p < 1) return ApiProblems.BadRequest("page must be 1 or more", "page");
        if (size is < 1 or > ExecutionQueries.MaxPageSize) return ApiProblems.BadRequest($"pageSize must be between 1 and {ExecutionQueries.MaxPageSize}", "pageSize");
        if (!await db.Schedules.AnyAsync(s => s.Id == id, ct)) return ApiProblems.NotFound($"schedule {id} does not exist");
        var runs = db.ScheduleRuns.AsNoTracking().Where(r => r.ScheduleId == id);
        var total = await runs.CountAsync(ct);
        var rows = await runs.OrderByDescending(r => r.DueAt).Skip((p - 1) * size).Take(size)
            .Select(r => new
            {
                Run = r,
                Status = db.Executions.Where(e => e.Id == r.ExecutionId).Select(e => (ExecutionStatus?)e.Status).FirstOrDefault(),
                FleetStatus = db.Set<Fleet.FleetRunRecord>().Where(f => f.Id == r.FleetRunId).Select(f => f.Status).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var items = rows.Select(x => new ScheduleRunDto(x.Run.DueAt, x.Run.State, x.Run.Detail, x.Run.ExecutionId, x.Status?.ToWire(), x.Run.RecordedAt,
            x.Run.FleetRunId, x.FleetStatus)).ToList();
        return TypedResults.Ok(new PagedResponse<ScheduleRunDto>(items, p, size, total, (int)Math.Ceiling(total / (double)size)));
    }
}
