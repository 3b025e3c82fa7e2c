using IgnitionToolkit.Runner.Execution;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IgnitionToolkit.Runner.Hosting;

/// <summary>The <c>runner</c> entry of <c>/health</c>: executions owned and capacity.</summary>
public sealed class RunnerHealthCheck(ExecutionRegistry registry) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>
        {
            ["owned"] = registry.Count,
            ["capacity"] = registry.Capacity,
        };
        var description = $"{registry.Count}/{registry.Capacity} executions";
        return Task.FromResult(registry.IsShuttingDown
            ? HealthCheckResult.Degraded($"shutting down; {description}", data: data)
            : HealthCheckResult.Healthy(description, data));
    }
}
