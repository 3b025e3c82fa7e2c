using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IgnitionToolkit.Api.Cluster;

/// <summary>The informational <c>api-instances</c> health component: this instance and the others it hears from
/// (<see cref="ApiPeers"/>), for whoever scales the API out to see that the instances found each other.</summary>
public sealed class ApiInstancesHealthCheck(ApiInstance self, ApiPeers peers) : IHealthCheck
{
    public const string Name = "api-instances";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var others = peers.Present.Order(StringComparer.Ordinal).ToList();
        var window = ApiPeers.Expiry.TotalSeconds.ToString("0", CultureInfo.InvariantCulture);
        var description = others.Count == 0
            ? $"this instance ({self.Id}) only; no other API instance heard from within {window} s"
            : string.Create(CultureInfo.InvariantCulture, $"this instance ({self.Id}) and {others.Count} other(s) heard from within {window} s: {string.Join(", ", others)}");
        return Task.FromResult(HealthCheckResult.Healthy(description, new Dictionary<string, object> { ["others"] = others.Count }));
    }
}
