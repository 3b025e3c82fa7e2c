using IgnitionToolkit.Core.Execution;
using IgnitionToolkit.ServiceDefaults.Telemetry;
using IgnitionToolkit.Contracts;
using IgnitionToolkit.Core.Execution.Status;

namespace IgnitionToolkit.Api.Observability;

/// <summary>Counts executions as the API applies their events: started when one leaves <c>pending</c>, finished when it
/// reaches a final status (tags <c>playbook</c> and <c>status</c>).</summary>
public static class ExecutionMetrics
{
    public static void Transition(string playbook, ExecutionStatus before, ExecutionStatus after)
    {
        if (before == after) return;
        if (before == ExecutionStatus.Pending) ToolkitTelemetry.ExecutionsStarted.Add(1, ToolkitTelemetry.Tag("playbook", playbook));
        if (!before.IsTerminal() && after.IsTerminal())
            ToolkitTelemetry.ExecutionsFinished.Add(1, ToolkitTelemetry.Tag("playbook", playbook), ToolkitTelemetry.Tag("status", after.ToWire()));
    }
}
