using IgnitionToolkit.Api.Persistence;
using IgnitionToolkit.Api.Persistence.Entities;
using IgnitionToolkit.Api.Playbooks;
using IgnitionToolkit.Core.Playbooks;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace IgnitionToolkit.Api.Executions;

/// <summary>
/// <c>resume: auto</c>: when <see cref="ExecutionInterruption"/> has interrupted an execution because its Runner died,
/// a playbook that declares itself safe to resume (its current text) is resumed from the first step that did not
/// complete, on whichever Runner takes the start message. Once per interruption: the interruption itself happens once
/// (concurrency token), and an execution already resumed automatically is not resumed again. Without the opt-in nothing happens.
/// </summary>
public sealed partial class ExecutionAutoResume(ToolkitDbContext db, PlaybookValidator validator, ExecutionResumes resumes, ILogger<ExecutionAutoResume> logger)
{
    /// <summary>The id of the execution that resumes <paramref name="interrupted"/>, or null (not opted in, or refused: logged).</summary>
    public async Task<Guid?> AfterInterruptedAsync(ExecutionRecord interrupted, CancellationToken ct)
    {
        var loaded = await validator.LoadFileAsync(interrupted.PlaybookPath, ct);
        if (loaded?.Result.Playbook is not { Resume: ResumePolicy.Auto }) return null;
        if (await db.Executions.AsNoTracking().AnyAsync(e => e.ResumedFromId == interrupted.Id && e.ResumedAutomatically, ct)) return null;
        var started = await resumes.ResumeAsync(interrupted.Id, request: null, user: null, automatic: true, ct);
        if (started.Result is Accepted<ExecutionSummaryDto> { Value: { } resumed })
        {
            LogResumed(logger, interrupted.Id, resumed.Id, resumed.ResumedAtStep);
            return resumed.Id;
        }
        LogNotResumed(logger, interrupted.Id, (started.Result as ProblemHttpResult)?.ProblemDetails.Detail);
        return null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Execution {ExecutionId} (resume: auto) resumed automatically as {ResumedId} at step {Step}")]
    private static partial void LogResumed(ILogger logger, Guid executionId, Guid resumedId, string? step);

    [LoggerMessage(Level = LogLevel.Error, Message = "Execution {ExecutionId} (resume: auto) could not be resumed automatically: {Reason}")]
    private static partial void LogNotResumed(ILogger logger, Guid executionId, string? reason);
}
