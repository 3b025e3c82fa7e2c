using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace IgnitionToolkit.ServiceDefaults.Telemetry;

/// <summary>
/// The toolkit's own meter and activity source (name <c>IgnitionToolkit</c>, exported by OpenTelemetry and on <c>/metrics</c>).
/// Prometheus names: dots become underscores, counters get <c>_total</c>, the unit <c>s</c> gives <c>_seconds</c>.
/// </summary>
public static class ToolkitTelemetry
{
    public const string Name = "IgnitionToolkit";

    public static readonly ActivitySource ActivitySource = new(Name, typeof(ToolkitTelemetry).Assembly.GetName().Version?.ToString());
    public static readonly Meter Meter = new(Name, typeof(ToolkitTelemetry).Assembly.GetName().Version?.ToString());

    /// <summary>API: executions accepted and started by a Runner (tag <c>playbook</c>).</summary>
    public static readonly Counter<long> ExecutionsStarted =
        Meter.CreateCounter<long>("toolkit.executions.started", "{execution}", "Executions that started running");

    /// <summary>API: executions that reached a final status (tags <c>playbook</c>, <c>status</c>).</summary>
    public static readonly Counter<long> ExecutionsFinished =
        Meter.CreateCounter<long>("toolkit.executions.finished", "{execution}", "Executions that reached a final status");

    /// <summary>Runner: executions this Runner started (tag <c>playbook</c>).</summary>
    public static readonly Counter<long> RunnerExecutionsStarted =
        Meter.CreateCounter<long>("toolkit.runner.executions.started", "{execution}", "Executions started by this Runner");

    /// <summary>Runner: executions this Runner finished (tags <c>playbook</c>, <c>status</c>).</summary>
    public static readonly Counter<long> RunnerExecutionsFinished =
        Meter.CreateCounter<long>("toolkit.runner.executions.finished", "{execution}", "Executions finished by this Runner");

    /// <summary>Runner: duration of each step (tags <c>step_type</c>, <c>status</c>).</summary>
    public static readonly Histogram<double> StepDuration =
        Meter.CreateHistogram<double>("toolkit.step.duration", "s", "Duration of playbook steps");

    public static KeyValuePair<string, object?> Tag(string name, object? value) => new(name, value);
}
