using IgnitionToolkit.Runner.Execution;
using IgnitionToolkit.ServiceDefaults.Telemetry;

namespace IgnitionToolkit.Runner.Observability;

/// <summary>Gauges of this Runner: <c>toolkit.runner.executions.active</c> (owned now) and <c>toolkit.runner.capacity</c>.
/// Created once per process (the meter is static) and read from the registry of the Runner host started last.</summary>
public sealed class RunnerGauges(ExecutionRegistry registry) : IHostedService
{
    private static ExecutionRegistry? _current;
    private static readonly Lazy<bool> Gauges = new(() =>
    {
        ToolkitTelemetry.Meter.CreateObservableGauge("toolkit.runner.executions.active", () => _current?.Count ?? 0, "{execution}",
            "Executions this Runner is running");
        ToolkitTelemetry.Meter.CreateObservableGauge("toolkit.runner.capacity", () => _current?.Capacity ?? 0, "{execution}",
            "Executions this Runner can run at once");
        return true;
    });

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _current = registry;
        _ = Gauges.Value;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Interlocked.CompareExchange(ref _current, null, registry);
        return Task.CompletedTask;
    }
}
