using IgnitionToolkit.Api.Persistence;
using IgnitionToolkit.Api.Problems;
using IgnitionToolkit.Core.Execution;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace IgnitionToolkit.Api.Executions;

/// <summary>Read side of executions: paged list with status, playbook and schedule filters, and one execution with steps, logs and artifacts.</summary>
public sealed class ExecutionQueries(ToolkitDbContext db)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 200;
    private static readonly string[] Statuses = Enum.GetValues<ExecutionStatus>().Select(s => s.ToWire()).ToArray();

    public async Task<Results<Ok<PagedResponse<ExecutionSummaryDto>>, ProblemHttpResult>> ListAsync(
        int? page, int? pageSize, string? status, string? playbook, CancellationToken ct, string? schedule = null)
    {
        var p = page ?? 1;
        var size = pageSize ?? DefaultPageSize;
        if (p < 1) return ApiProblems.BadRequest("page must be 1 or more", "page");
        if (size < 1 || size > MaxPageSize) return ApiProblems.BadRequest($"pageSize must be between 1 and {MaxPageSize}", "pageSize");
        var query = db.Executions.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(status))
        {
            var wanted = status.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(s => s.ToLowerInvariant()).ToList();
            var unknown = wanted.Where(s => !Statuses.Contains(s)).ToList();
            if (unknown.Count > 0)
                return ApiProblems.BadRequest($"unknown status '{string.Join(", ", unknown)}'; valid: {string.Join(", ", Statuses)}", "status");
            query = query.Where(e => wanted.Contains(e.Status));
        }
        if (!string.IsNullOrWhiteSpace(playbook))
        {
            // Part of the name or the path, any case: the filter covers every page, not only the one shown.
            var term = playbook.Trim().ToLowerInvariant();
            if (term.Length > 200) return ApiProblems.BadRequest("playbook filter is longer than 200 characters", "playbook");
            query = query.Where(e => e.PlaybookName.ToLower().Contains(term) || e.PlaybookPath.ToLower().Contains(term));
        }
        if (!string.IsNullOrWhiteSpace(schedule))
        {
            // A schedule's id, or its name (any case): executions it started, also after it was deleted or renamed.
            var term = schedule.Trim();
            if (term.Length > 200) return ApiProblems.BadRequest("schedule filter is longer than 200 characters", "schedule");
            var lower = term.ToLowerInvariant();
            query = Guid.TryParse(term, out var scheduleId)
                ? query.Where(e => e.ScheduleId == scheduleId)
                : query.Where(e => e.ScheduleName != null && e.ScheduleName.ToLower() == lower);
        }
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(e => e.CreatedAt).ThenBy(e => e.Id)
            .Skip((p - 1) * size).Take(size).ToListAsync(ct);
        var pages = (int)Math.Ceiling(total / (double)size);
        return TypedResults.Ok(new PagedResponse<ExecutionSummaryDto>(rows.Select(ExecutionMapping.ToSummary).ToList(), p, size, total, pages));
    }

    public async Task<Results<Ok<ExecutionDetailDto>, ProblemHttpResult>> GetAsync(Guid id, CancellationToken ct)
    {
        var execution = await db.Executions.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);
        if (execution is null) return ApiProblems.NotFound($"execution {id} does not exist");
        var steps = await db.StepResults.AsNoTracking().Where(s => s.ExecutionId == id).ToListAsync(ct);
        var logs = await db.LogLines.AsNoTracking().Where(l => l.ExecutionId == id).OrderBy(l => l.Sequence).ThenBy(l => l.Id)
            .Select(l => new LogLineDto(l.Sequence, l.Timestamp, l.StepPath, l.Level, l.Message)).ToListAsync(ct);
        var artifacts = await db.Artifacts.AsNoTracking().Where(a => a.ExecutionId == id).OrderBy(a => a.Sequence)
            .Select(a => new ArtifactDto(a.StepPath, a.Name, a.ContentType, a.Size, a.Sha256, a.Path, a.CreatedAt)).ToListAsync(ct);
        return TypedResults.Ok(new ExecutionDetailDto(
            ExecutionMapping.ToSummary(execution), ExecutionMapping.ParseOrNull(execution.ParametersJson)!.Value,
            ExecutionMapping.ToSteps(steps), logs, artifacts, ExecutionMapping.ParseOrNull(execution.DebugContextJson)));
    }
}
