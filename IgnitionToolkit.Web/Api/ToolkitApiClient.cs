using System.Net.Http.Json;
using System.Text.Json;
using IgnitionToolkit.Web.Auth;

namespace IgnitionToolkit.Web.Api;

/// <summary>Reads the API's version, health and (signed in) recent executions (base address through service discovery).</summary>
public sealed class ToolkitApiClient(HttpClient http, IApiTokenSource tokens, ILogger<ToolkitApiClient> logger)
{
    public const int RecentCount = 10;

    public Uri? BaseAddress => http.BaseAddress;

    public async Task<ApiStatus> GetStatusAsync(CancellationToken cancellationToken)
    {
        try
        {
            var version = await http.GetFromJsonAsync<JsonElement>("/api/v1/version", cancellationToken);
            var (health, components) = await GetHealthAsync(cancellationToken);
            var token = await tokens.GetTokenAsync();
            var executions = default(JsonElement);
            if (token is not null)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/executions?page=1&pageSize={RecentCount}");
                request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
                using var response = await http.SendAsync(request, cancellationToken);
                response.EnsureSuccessStatusCode();
                executions = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            }
            return new ApiStatus(
                JsonFields.String(version, "version"),
                JsonFields.String(version, "database"),
                health,
                components,
                JsonFields.Items(executions).Take(RecentCount).Select(ToRow).ToList(),
                null)
            { SignedIn = token is not null };
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException
                                       or Polly.Timeout.TimeoutRejectedException or Polly.CircuitBreaker.BrokenCircuitException)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            logger.LogWarning("API at {BaseAddress} could not be read: {Reason}", http.BaseAddress, ex.Message);
            return ApiStatus.Unreachable(ex.Message);
        }
    }

    /// <summary>The API's /health status and components, or null when the API cannot be reached.</summary>
    public async Task<(string Status, IReadOnlyDictionary<string, string> Components)?> TryGetHealthAsync(CancellationToken ct)
    {
        try
        {
            return await GetHealthAsync(ct);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested && ex is HttpRequestException or TaskCanceledException or JsonException
                                       or Polly.Timeout.TimeoutRejectedException or Polly.CircuitBreaker.BrokenCircuitException)
        {
            return null;
        }
    }

    private async Task<(string Status, IReadOnlyDictionary<string, string> Components)> GetHealthAsync(CancellationToken ct)
    {
        // /health answers 503 with the same JSON body when a component is unhealthy: read it either way.
        using var response = await http.GetAsync("/health", ct);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        var components = new Dictionary<string, string>(StringComparer.Ordinal);
        if (body.ValueKind == JsonValueKind.Object && body.TryGetProperty("components", out var list)
            && list.ValueKind == JsonValueKind.Object)
        {
            foreach (var component in list.EnumerateObject())
            {
                components[component.Name] = JsonFields.String(component.Value, "status") ?? "Unknown";
            }
        }
        return (JsonFields.String(body, "status") ?? response.StatusCode.ToString(), components);
    }

    /// <summary>One execution of <c>GET /api/v1/executions</c> (snake_case fields, as every REST answer).</summary>
    private static ExecutionRow ToRow(JsonElement e) => new(
        JsonFields.String(e, "id") ?? "?",
        JsonFields.String(e, "playbook_name") ?? JsonFields.String(e, "playbook_path") ?? "?",
        JsonFields.String(e, "status") ?? "?",
        JsonFields.Date(e, "started_at") ?? JsonFields.Date(e, "created_at"));
}
