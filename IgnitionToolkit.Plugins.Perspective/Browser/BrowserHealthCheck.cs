using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IgnitionToolkit.Plugins.Perspective.Browser;

/// <summary>The <c>browser</c> entry of <c>/health</c>. A browser that failed to start is Degraded, not Unhealthy:
/// the Runner still runs every non-browser step.</summary>
public sealed class BrowserHealthCheck(BrowserRuntime runtime) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>
        {
            ["state"] = runtime.State.ToString(),
            ["executable"] = runtime.ExecutablePath ?? "playwright chromium",
            ["contexts"] = runtime.OpenContexts,
        };
        if (runtime.Version is { } version) data["version"] = version;
        if (runtime.LastError is { } error) data["error"] = error;
        var result = runtime.State switch
        {
            BrowserState.Running => HealthCheckResult.Healthy($"Chromium {runtime.Version}: {runtime.OpenContexts} open contexts", data),
            BrowserState.Failed => HealthCheckResult.Degraded($"browser unavailable: {runtime.LastError}", data: data),
            BrowserState.Closed => HealthCheckResult.Degraded("browser closed (shutting down)", data: data),
            _ => ExecutableMissing()
                ? HealthCheckResult.Degraded($"browser not started; executable {runtime.ExecutablePath} not found", data: data)
                : HealthCheckResult.Healthy("browser not started (starts on the first browser step)", data),
        };
        return Task.FromResult(result);
    }

    private bool ExecutableMissing() => runtime.ExecutablePath is { } path && !File.Exists(path);
}
