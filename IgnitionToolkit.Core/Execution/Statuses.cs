namespace IgnitionToolkit.Core.Execution;

public enum ExecutionStatus { Pending, Running, Paused, Completed, Failed, Cancelled, Interrupted }

public enum StepStatus { Pending, Running, Completed, Failed, Skipped }

public enum ExecutionCommand { Pause, Resume, Skip, SkipBack, Cancel }

public static class StatusExtensions
{
    public static bool IsTerminal(this ExecutionStatus status) =>
        status is ExecutionStatus.Completed or ExecutionStatus.Failed or ExecutionStatus.Cancelled or ExecutionStatus.Interrupted;

    /// <summary>Lower-case wire name (<c>running</c>, <c>skip_back</c>...).</summary>
    public static string ToWire(this Enum value) =>
        System.Text.RegularExpressions.Regex.Replace(value.ToString(), "(?<!^)([A-Z])", "_$1").ToLowerInvariant();
}
