using IgnitionToolkit.Api.Persistence;
using IgnitionToolkit.Api.Problems;
using IgnitionToolkit.Core.Execution;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using IgnitionToolkit.Contracts;

namespace IgnitionToolkit.Api.Executions;

/// <summary>Read side of executions: paged list with the filters of <see cref="ExecutionFilter"/>, and one execution with steps, logs and artifacts.</summary>
public sealed class ExecutionQueries(ToolkitDbContext db)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 200;

    public async Task<Results<Ok<PagedResponse<ExecutionSummaryDto>>, ProblemHttpResult>> ListAsync(ExecutionListQuery filter, CancellationToken ct)
    {
        var p = filter.Page ?? 1;
        var size = filter.PageSize ?? DefaultPageSize;
        if (p < 1) return ApiProblems.BadRequest("page must be 1 or more", "page");
        if (size < 1 || size > MaxPageSize) return ApiProblems.BadRequest($"pageSize must be between 1 and {MaxPageSize}", "pageSize");
        var (query, problem) = ExecutionFilter.Apply(db.Executions.AsNoTracking(), filter);
        if (problem is not null) return problem;
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
