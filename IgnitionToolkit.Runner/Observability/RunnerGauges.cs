using IgnitionToolkit.Runner.Execution;
using IgnitionToolkit.ServiceDefaults.Telemetry;

namespace IgnitionToolkit.Runner.Observability;

/// <summary>Gauges of this Runner: <c>toolkit.runner.executions.active</c> (owned now) and <c>toolkit.runner.capacity</c>.</summary>
public sealed class RunnerGauges(ExecutionRegistry registry) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        ToolkitTelemetry.Meter.CreateObservableGauge("toolkit.runner.executions.active", () => registry.Count, "{execution}",
            "Executions this Runner is running");
        ToolkitTelemetry.Meter.CreateObservableGauge("toolkit.runner.capacity", () => registry.Capacity, "{execution}",
            "Executions this Runner can run at once");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
