using IgnitionToolkit.Api.Artifacts;
using IgnitionToolkit.Api.Persistence;
using IgnitionToolkit.Api.Problems;
using IgnitionToolkit.Core.Execution;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace IgnitionToolkit.Api.Executions;

/// <summary>Deletes a finished execution: its rows (steps, logs, artifacts, pending events) and its artifact files.</summary>
public sealed partial class ExecutionRemoval(ToolkitDbContext db, ArtifactFiles files, ILogger<ExecutionRemoval> logger)
{
    private static readonly string[] Finished =
        [ExecutionStatus.Completed.ToWire(), ExecutionStatus.Failed.ToWire(), ExecutionStatus.Cancelled.ToWire(), ExecutionStatus.Interrupted.ToWire()];

    public async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(Guid id, CancellationToken ct)
    {
        var execution = await db.Executions.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);
        if (execution is null) return ApiProblems.NotFound($"execution {id} does not exist");
        if (!Finished.Contains(execution.Status))
            return ApiProblems.Conflict($"execution {id} is {execution.Status}; cancel it and wait until it has finished before deleting it");

        await db.Artifacts.Where(a => a.ExecutionId == id).ExecuteDeleteAsync(ct);
        await db.LogLines.Where(a => a.ExecutionId == id).ExecuteDeleteAsync(ct);
        await db.StepResults.Where(a => a.ExecutionId == id).ExecuteDeleteAsync(ct);
        await db.PendingEvents.Where(a => a.ExecutionId == id).ExecuteDeleteAsync(ct);
        await db.Executions.Where(e => e.Id == id).ExecuteDeleteAsync(ct);
        files.DeleteFolder(id);
        LogDeleted(logger, id);
        return TypedResults.NoContent();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted execution {ExecutionId} and its artifacts")]
    private static partial void LogDeleted(ILogger logger, Guid executionId);
}
