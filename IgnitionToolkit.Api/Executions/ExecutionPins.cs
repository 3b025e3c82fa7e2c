using IgnitionToolkit.Api.Persistence;
using IgnitionToolkit.Api.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace IgnitionToolkit.Api.Executions;

/// <summary>Pins an execution so history retention keeps it, or unpins it. Only that column changes (no version bump:
/// a pin never conflicts with the events being applied).</summary>
public sealed class ExecutionPins(ToolkitDbContext db)
{
    public async Task<Results<Ok<ExecutionSummaryDto>, ProblemHttpResult>> SetAsync(Guid id, bool pinned, CancellationToken ct)
    {
        var changed = await db.Executions.Where(e => e.Id == id).ExecuteUpdateAsync(u => u.SetProperty(e => e.Pinned, pinned), ct);
        if (changed == 0) return ApiProblems.NotFound($"execution {id} does not exist");
        var execution = await db.Executions.AsNoTracking().FirstAsync(e => e.Id == id, ct);
        return TypedResults.Ok(ExecutionMapping.ToSummary(execution));
    }
}
