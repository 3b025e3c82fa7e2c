using IgnitionToolkit.Api.Artifacts;
using IgnitionToolkit.Api.Persistence;
using IgnitionToolkit.Api.Problems;
using IgnitionToolkit.Core.Execution;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using IgnitionToolkit.Contracts;
using IgnitionToolkit.Core.Execution.Status;

namespace IgnitionToolkit.Api.Executions;

/// <summary>Deletes a finished execution: its rows (steps, logs, artifacts, pending events) and its artifact files.</summary>
public sealed partial class ExecutionRemoval(ToolkitDbContext db, ArtifactFiles files, ILogger<ExecutionRemoval> logger)
{
    public async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(Guid id, CancellationToken ct)
    {
        var execution = await db.Executions.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);
        if (execution is null) return ApiProblems.NotFound($"execution {id} does not exist");
        if (!execution.Status.IsTerminal())
            return ApiProblems.Conflict($"execution {id} is {execution.Status.ToWire()}; cancel it and wait until it has finished before deleting it");

        await RemoveAsync(id, ct);
        return TypedResults.NoContent();
    }

    /// <summary>Most executions one bulk delete may name.</summary>
    public const int MaxBulk = 500;

    /// <summary><c>POST /executions/delete</c>: deletes every named execution, or none when one does not exist or has not
    /// finished (the problem names them).</summary>
    public async Task<Results<Ok<DeletedExecutionsDto>, ProblemHttpResult>> DeleteManyAsync(DeleteExecutionsRequest request, CancellationToken ct)
    {
        var ids = request.Ids?.Distinct().ToList() ?? [];
        if (ids.Count == 0) return ApiProblems.BadRequest("ids must name at least one execution", "ids");
        if (ids.Count > MaxBulk) return ApiProblems.BadRequest($"ids may name at most {MaxBulk} executions at once, got {ids.Count}", "ids");
        var found = await db.Executions.AsNoTracking().Where(e => ids.Contains(e.Id)).Select(e => new { e.Id, e.Status }).ToListAsync(ct);
        var missing = ids.Except(found.Select(f => f.Id)).ToList();
        if (missing.Count > 0) return ApiProblems.NotFound($"execution(s) {string.Join(", ", missing)} do not exist; nothing was deleted");
        var running = found.Where(f => !f.Status.IsTerminal()).ToList();
        if (running.Count > 0)
            return ApiProblems.Conflict($"{running.Count} of the executions have not finished ({string.Join(", ", running.Select(r => $"{r.Id} is {r.Status.ToWire()}"))}); " +
                                        "cancel them and wait until they have finished, or leave them out; nothing was deleted");
        foreach (var id in ids) await RemoveAsync(id, ct);
        return TypedResults.Ok(new DeletedExecutionsDto(ids.Count, ids));
    }

    private async Task RemoveAsync(Guid id, CancellationToken ct)
    {
        await db.Artifacts.Where(a => a.ExecutionId == id).ExecuteDeleteAsync(ct);
        await db.LogLines.Where(a => a.ExecutionId == id).ExecuteDeleteAsync(ct);
        await db.StepResults.Where(a => a.ExecutionId == id).ExecuteDeleteAsync(ct);
        await db.PendingEvents.Where(a => a.ExecutionId == id).ExecuteDeleteAsync(ct);
        await db.Executions.Where(e => e.Id == id).ExecuteDeleteAsync(ct);
        files.DeleteFolder(id);
        LogDeleted(logger, id);
    }

    /// <summary>Removes those of <paramref name="ids"/> that have ended and are not pinned (checked in the delete itself,
    /// so a pin or a state change meanwhile keeps the execution); their rows go with them (foreign keys cascade), then
    /// their artifact folders. Returns how many were removed.</summary>
    public async Task<int> RemoveEndedAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var finished = StatusRules.TerminalStatuses;
        var removed = await db.Executions.Where(e => ids.Contains(e.Id) && finished.Contains(e.Status) && !e.Pinned).ExecuteDeleteAsync(ct);
        if (removed == 0) return 0;
        var kept = await db.Executions.AsNoTracking().Where(e => ids.Contains(e.Id)).Select(e => e.Id).ToListAsync(ct);
        foreach (var id in ids.Except(kept)) files.DeleteFolder(id);
        return removed;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted execution {ExecutionId} and its artifacts")]
    private static partial void LogDeleted(ILogger logger, Guid executionId);
}
