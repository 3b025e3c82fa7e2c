using IgnitionToolkit.Core.Execution;
using IgnitionToolkit.ServiceDefaults.Telemetry;

namespace IgnitionToolkit.Api.Observability;

/// <summary>Counts executions as the API applies their events: started when one leaves <c>pending</c>, finished when it
/// reaches a final status (tags <c>playbook</c> and <c>status</c>).</summary>
public static class ExecutionMetrics
{
    private static readonly HashSet<string> Final = Enum.GetValues<ExecutionStatus>().Where(s => s.IsTerminal()).Select(s => s.ToWire()).ToHashSet();
    private static readonly string Pending = ExecutionStatus.Pending.ToWire();

    public static void Transition(string playbook, string before, string after)
    {
        if (before == after) return;
        if (before == Pending) ToolkitTelemetry.ExecutionsStarted.Add(1, ToolkitTelemetry.Tag("playbook", playbook));
        if (!Final.Contains(before) && Final.Contains(after))
            ToolkitTelemetry.ExecutionsFinished.Add(1, ToolkitTelemetry.Tag("playbook", playbook), ToolkitTelemetry.Tag("status", after));
    }
}
