using IgnitionToolkit.Api.Persistence;
using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IgnitionToolkit.Api.Runners;

/// <summary>The <c>runners</c> component of <c>/health</c>: Healthy when at least one Runner was heard from within
/// <c>Toolkit:Runners:StaleAfter</c>, Unhealthy otherwise (with the reason). Informational: it does not change the
/// API's own overall status, since the API works (and queues executions) without Runners.</summary>
public sealed class RunnersHealthCheck(RunnerPresence presence, IServiceScopeFactory scopes, TimeProvider clock) : IHealthCheck
{
    public const string Name = "runners";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var all = await presence.AllAsync(scope.ServiceProvider.GetRequiredService<ToolkitDbContext>(), cancellationToken);
        var live = all.Where(presence.IsLive).ToList();
        var data = new Dictionary<string, object> { ["live"] = live.Count, ["known"] = all.Count };
        if (live.Count > 0)
        {
            var running = live.Sum(r => r.Running);
            var capacity = live.Sum(r => r.Capacity);
            return HealthCheckResult.Healthy(string.Create(CultureInfo.InvariantCulture,
                $"{live.Count} Runner(s) up, {running} of {capacity} execution slot(s) in use: {string.Join(", ", live.Select(r => r.Id))}"), data);
        }
        var window = presence.StaleAfter.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
        var reason = all.Count == 0
            ? $"no Runner has reported yet (none within {window} s); executions stay pending until one does"
            : string.Create(CultureInfo.InvariantCulture,
                $"no Runner reported within {window} s; last was {all[0].Id}, {(clock.GetUtcNow() - all[0].LastSeenAt).TotalSeconds:0} s ago");
        return HealthCheckResult.Unhealthy(reason, data: data);
    }
}
