using IgnitionToolkit.Contracts;

namespace IgnitionToolkit.Core.Execution.Status;

/// <summary>
/// THE status rules of executions and steps: which status may follow which, and which are final. Everything that
/// changes a status (the engine's events applied by the API and the Web, the heartbeat monitor, control commands, the
/// start of an execution) goes through <see cref="StatusMachine"/>, which asks these tables. To change a rule, change
/// the table here and its test (<c>tests/IgnitionToolkit.Core.Tests/Execution/StatusRulesTests.cs</c>).
/// </summary>
public static class StatusRules
{
    private static readonly ExecutionStatus[] Final =
        [ExecutionStatus.Completed, ExecutionStatus.Failed, ExecutionStatus.Cancelled, ExecutionStatus.Interrupted];

    /// <summary>Allowed execution transitions (from → to). Staying in a live status is allowed (a new reason);
    /// a final status never changes, except <c>interrupted</c>: that is the API's guess from missing heartbeats, and the
    /// Runner's own final word (completed, failed, cancelled) still wins over it.</summary>
    private static readonly Dictionary<ExecutionStatus, ExecutionStatus[]> Execution = new()
    {
        [ExecutionStatus.Pending] = [ExecutionStatus.Pending, ExecutionStatus.Running, ExecutionStatus.Paused,
            ExecutionStatus.Completed, ExecutionStatus.Failed, ExecutionStatus.Cancelled],
        [ExecutionStatus.Running] = [ExecutionStatus.Running, ExecutionStatus.Paused,
            ExecutionStatus.Completed, ExecutionStatus.Failed, ExecutionStatus.Cancelled, ExecutionStatus.Interrupted],
        [ExecutionStatus.Paused] = [ExecutionStatus.Paused, ExecutionStatus.Running,
            ExecutionStatus.Completed, ExecutionStatus.Failed, ExecutionStatus.Cancelled, ExecutionStatus.Interrupted],
        [ExecutionStatus.Interrupted] = [ExecutionStatus.Completed, ExecutionStatus.Failed, ExecutionStatus.Cancelled],
        [ExecutionStatus.Completed] = [],
        [ExecutionStatus.Failed] = [],
        [ExecutionStatus.Cancelled] = [],
    };

    /// <summary>Allowed step transitions. A step runs again after it finished (retry attempt, re-run from the debug
    /// panel, skip back) and skip back queues a step again (<c>pending</c>); a finished step does not change its result
    /// without running again, except <c>failed</c> set by the API when the step's Runner went silent: the Runner's own
    /// result still wins over that.</summary>
    private static readonly Dictionary<StepStatus, StepStatus[]> Step = new()
    {
        [StepStatus.Pending] = [StepStatus.Pending, StepStatus.Running, StepStatus.Completed, StepStatus.Failed, StepStatus.Skipped],
        [StepStatus.Running] = [StepStatus.Running, StepStatus.Completed, StepStatus.Failed, StepStatus.Skipped, StepStatus.Pending],
        [StepStatus.Completed] = [StepStatus.Running, StepStatus.Pending],
        [StepStatus.Skipped] = [StepStatus.Running, StepStatus.Pending],
        [StepStatus.Failed] = [StepStatus.Running, StepStatus.Pending, StepStatus.Completed, StepStatus.Failed, StepStatus.Skipped],
    };

    /// <summary>Final: the execution is over (no Runner works on it, controls are refused).</summary>
    public static bool IsTerminal(this ExecutionStatus status) => Final.Contains(status);

    /// <summary>Live: a Runner may still send heartbeats and events for it (pending, running, paused).</summary>
    public static bool IsLive(this ExecutionStatus status) => !status.IsTerminal();

    /// <summary>A step that has finished (completed, failed, skipped); it may still run again.</summary>
    public static bool IsFinished(this StepStatus status) => status is StepStatus.Completed or StepStatus.Failed or StepStatus.Skipped;

    public static bool CanMove(ExecutionStatus from, ExecutionStatus to) => Execution[from].Contains(to);

    public static bool CanMove(StepStatus from, StepStatus to) => Step[from].Contains(to);

    /// <summary>Every final execution status.</summary>
    public static IReadOnlyList<ExecutionStatus> TerminalStatuses => Final;

    /// <summary>Statuses whose executions a Runner owns: watched by the heartbeat monitor (pending ones wait in the queue).</summary>
    public static IReadOnlyList<ExecutionStatus> OwnedByRunner { get; } = [ExecutionStatus.Running, ExecutionStatus.Paused];

    /// <summary>Statuses whose executions are not over (pending, running, paused).</summary>
    public static IReadOnlyList<ExecutionStatus> LiveStatuses { get; } = [.. Enum.GetValues<ExecutionStatus>().Where(s => !s.IsTerminal())];
}
