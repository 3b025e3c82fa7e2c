using IgnitionToolkit.Contracts;

namespace IgnitionToolkit.Core.Execution.Status;

/// <summary>Something with an execution status (the API's execution row, the Web's live view). Only
/// <see cref="StatusMachine"/> writes it: implement <see cref="Write"/> explicitly so no other code calls it.</summary>
public interface IExecutionStatusHolder
{
    ExecutionStatus Status { get; }
    DateTimeOffset? FinishedAt { get; }

    /// <summary>Optimistic concurrency token, bumped with every status change.</summary>
    int Version { get; }

    /// <summary>Stores a change decided by <see cref="StatusMachine.TryMove(IExecutionStatusHolder, ExecutionStatus, DateTimeOffset, string?)"/>.</summary>
    void Write(ExecutionStatusChange change);
}

/// <summary>A decided change: the new status, the reason shown with it (null clears it), when it finished (set when
/// the status is final) and the next concurrency token.</summary>
public readonly record struct ExecutionStatusChange(ExecutionStatus Status, string? Reason, DateTimeOffset? FinishedAt, int Version);

/// <summary>Something with a step status (a step row). Only <see cref="StatusMachine"/> writes it.</summary>
public interface IStepStatusHolder
{
    StepStatus Status { get; }

    void Write(StepStatus status);
}

/// <summary>The one way to change an execution's or a step's status: checks <see cref="StatusRules"/> and applies the
/// transition (status, reason, finish time, concurrency token) or refuses it, changing nothing.</summary>
public static class StatusMachine
{
    /// <summary>Moves <paramref name="holder"/> to <paramref name="to"/> when the rules allow it; false (nothing
    /// changed) when they do not. Entering a final status sets the finish time to <paramref name="at"/>; the reason is
    /// replaced by <paramref name="reason"/>; the concurrency token is bumped.</summary>
    public static bool TryMove(IExecutionStatusHolder holder, ExecutionStatus to, DateTimeOffset at, string? reason = null)
    {
        if (!StatusRules.CanMove(holder.Status, to)) return false;
        holder.Write(new ExecutionStatusChange(to, reason, to.IsTerminal() ? at : holder.FinishedAt, holder.Version + 1));
        return true;
    }

    /// <summary>Moves a step to <paramref name="to"/> when the rules allow it; false (nothing changed) when they do not.</summary>
    public static bool TryMove(IStepStatusHolder step, StepStatus to)
    {
        if (!StatusRules.CanMove(step.Status, to)) return false;
        step.Write(to);
        return true;
    }
}
