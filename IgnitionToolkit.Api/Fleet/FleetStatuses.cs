using IgnitionToolkit.Api.Executions;
using IgnitionToolkit.Core.Execution;
using IgnitionToolkit.Contracts;
using IgnitionToolkit.Core.Execution.Status;

namespace IgnitionToolkit.Api.Fleet;

/// <summary>The statuses of a fleet run and of its gateway rows. A row is <c>waiting</c> (not started), <c>starting</c>
/// (claimed, its execution being queued), then follows its execution's status, or is <c>skipped</c> (never started).</summary>
public static class FleetStatuses
{
    public const string Running = "running";
    public const string Completed = "completed";
    public const string Failed = "failed";
    public const string Stopped = "stopped";
    public const string Cancelled = "cancelled";

    public const string Waiting = "waiting";
    public const string Starting = "starting";
    public const string Skipped = "skipped";

    /// <summary>True when the row will not change again: skipped, or its execution is finished (the one terminal-status rule of
    /// <see cref="StatusRules.IsTerminal"/>).</summary>
    public static bool IsFinal(string rowStatus) => rowStatus == Skipped || IsFinished(rowStatus);

    /// <summary>True for a finished execution status (wire name).</summary>
    public static bool IsFinished(string executionStatus) =>
        WireNames.TryParse<ExecutionStatus>(executionStatus, out var status) && status.IsTerminal();

    /// <summary>A finished row that did not complete: it counts towards stop-after-failures.</summary>
    public static bool IsFailure(string rowStatus) => IsFinished(rowStatus) && rowStatus != ExecutionStatus.Completed.ToWire();

    /// <summary>A row that occupies a slot: claimed or started, not finished.</summary>
    public static bool IsActive(string rowStatus) => rowStatus != Waiting && !IsFinal(rowStatus);

    /// <summary>Execution statuses that are not finished, for database queries.</summary>
    public static IReadOnlyList<ExecutionStatus> UnfinishedExecutionStatuses => StatusRules.LiveStatuses;
}
