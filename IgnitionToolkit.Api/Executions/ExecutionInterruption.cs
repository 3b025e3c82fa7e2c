using IgnitionToolkit.Api.Notifications;
using IgnitionToolkit.Api.Persistence;
using IgnitionToolkit.Api.Persistence.Entities;
using IgnitionToolkit.Contracts;
using IgnitionToolkit.Core.Execution.Status;
using Microsoft.EntityFrameworkCore;

namespace IgnitionToolkit.Api.Executions;

/// <summary>Ends executions that no Runner runs any more as <c>interrupted</c> with a reason: their running steps
/// fail ("interrupted: …"), the webhooks hear of it. The one place for the heartbeat monitor (a silent Runner) and a
/// Runner's restart announcement (<c>RunnerStarted</c>). A <c>resume: auto</c> playbook's execution is then resumed
/// (<see cref="ExecutionAutoResume"/>).</summary>
public sealed partial class ExecutionInterruption(ToolkitDbContext db, ILogger<ExecutionInterruption> logger, ExecutionOutcomes? outcomes = null,
    ExecutionAutoResume? autoResume = null)
{
    /// <summary>Interrupts each of <paramref name="executions"/> (tracked by this context) still running or paused;
    /// one that changed meanwhile (an event arrived) is left as it is. Returns how many were interrupted.</summary>
    public async Task<int> InterruptAsync(IEnumerable<ExecutionRecord> executions, Func<ExecutionRecord, string> reason, DateTimeOffset now, CancellationToken ct)
    {
        var marked = 0;
        foreach (var execution in executions)
        {
            if (!StatusMachine.TryMove(execution, ExecutionStatus.Interrupted, now, reason(execution)))
                continue;
            // A step that was running when the Runner went away did not finish: it must not show "running" forever.
            var steps = await db.StepResults.Where(s => s.ExecutionId == execution.Id && s.Status == StepStatus.Running).ToListAsync(ct);
            foreach (var step in steps.Where(s => StatusMachine.TryMove(s, StepStatus.Failed)))
            {
                step.Error = "interrupted: " + execution.Reason;
                step.FinishedAt = now;
            }
            try
            {
                await db.SaveChangesAsync(ct);
                marked++;
                outcomes?.Ended(execution.Id, execution.Status.ToWire());
                LogInterrupted(logger, execution.Id, execution.Reason);
            }
            catch (DbUpdateConcurrencyException)
            {
                db.Entry(execution).State = EntityState.Detached; // changed meanwhile: judged again by whoever looks next
                foreach (var step in steps) db.Entry(step).State = EntityState.Detached;
                continue;
            }
            await ResumeIfOptedInAsync(execution, ct);
        }
        return marked;
    }

    /// <summary>Never lets a failed automatic resume stop the interruption of the others (it is logged).</summary>
    private async Task ResumeIfOptedInAsync(ExecutionRecord execution, CancellationToken ct)
    {
        if (autoResume is null) return;
        try
        {
            await autoResume.AfterInterruptedAsync(execution, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogAutoResumeFailed(logger, ex, execution.Id);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Execution {ExecutionId}: the automatic resume failed")]
    private static partial void LogAutoResumeFailed(ILogger logger, Exception exception, Guid executionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Execution {ExecutionId} interrupted: {Reason}")]
    private static partial void LogInterrupted(ILogger logger, Guid executionId, string? reason);
}
