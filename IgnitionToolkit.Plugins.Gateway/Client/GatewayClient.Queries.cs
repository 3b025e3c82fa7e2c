using System.Net;
using System.Text.Json;

namespace IgnitionToolkit.Plugins.Gateway.Client;

/// <summary>Read-only calls: probes, gateway info, modules, projects, pending restarts, trial.</summary>
public sealed partial class GatewayClient
{
    public async Task<StatusPing> StatusPingAsync(CancellationToken cancellationToken, bool probe = false)
    {
        const string op = "read StatusPing";
        using var response = await SendAsync(HttpMethod.Get, "/StatusPing", null, probe ? CallKind.Probe : CallKind.Read, op, cancellationToken);
        await EnsureSuccessAsync(response, op, cancellationToken);
        var json = await ReadJsonAsync(response, op, cancellationToken, allowNonJson: true);
        var state = json.ValueKind == JsonValueKind.String ? json.GetString() : json.Str("state", "status");
        return new StatusPing((state ?? "UNKNOWN").Trim().ToUpperInvariant(), json.Str("details", "detail"));
    }

    /// <summary><c>GET /system/gwinfo</c>: plain-text <c>Key=Value;</c> pairs (unauthenticated).</summary>
    public async Task<IReadOnlyDictionary<string, string>> GwInfoAsync(CancellationToken cancellationToken)
    {
        const string op = "read /system/gwinfo";
        using var response = await SendAsync(HttpMethod.Get, "/system/gwinfo", null, CallKind.Read, op, cancellationToken);
        await EnsureSuccessAsync(response, op, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return ParseGwInfo(text);
    }

    internal static IReadOnlyDictionary<string, string> ParseGwInfo(string text)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in text.Split([';', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = pair.IndexOf('=');
            if (eq > 0) result[pair[..eq].Trim()] = pair[(eq + 1)..].Trim();
        }
        return result;
    }

    /// <summary><c>GET /data/api/v1/gateway-info</c> (authenticated).</summary>
    public Task<JsonElement> GatewayInfoAsync(CancellationToken cancellationToken) =>
        GetJsonAsync(ApiPrefix + "/gateway-info", "read the gateway information", cancellationToken);

    public Task<JsonElement> OverviewAsync(CancellationToken cancellationToken) =>
        GetJsonAsync(ApiPrefix + "/overview", "read the gateway overview", cancellationToken);

    /// <summary><c>overview.uptime</c>, or null when the overview cannot be read (permissions, 8.1, starting...).</summary>
    public async Task<long?> UptimeAsync(CancellationToken cancellationToken, bool probe = false)
    {
        try
        {
            var json = await GetJsonAsync(ApiPrefix + "/overview", "read the gateway overview", cancellationToken, probe ? CallKind.Probe : CallKind.Read);
            return json.Long("uptime");
        }
        catch (GatewayException)
        {
            return null;
        }
    }

    public async Task<IReadOnlyList<ModuleInfo>> ListModulesAsync(CancellationToken cancellationToken, bool probe = false)
    {
        var json = await GetJsonAsync(ApiPrefix + "/modules/healthy?limit=500&offset=0", "list the modules", cancellationToken,
            probe ? CallKind.Probe : CallKind.Read);
        return [.. json.Items().Select(m => new ModuleInfo(
            m.Str("id", "moduleId") ?? "",
            m.Str("name", "displayName") ?? m.Str("id") ?? "",
            m.Str("version") ?? "",
            (m.Str("state", "status") ?? "").ToUpperInvariant()))];
    }

    /// <summary>Modules uploaded but not running (<c>GET modules/quarantined</c>), e.g. installed and waiting for a restart.</summary>
    public async Task<IReadOnlyList<ModuleInfo>> ListQuarantinedModulesAsync(CancellationToken cancellationToken)
    {
        var json = await GetJsonAsync(ApiPrefix + "/modules/quarantined?limit=500&offset=0", "list the quarantined modules", cancellationToken);
        return [.. json.Items().Select(m => new ModuleInfo(
            m.Str("id", "moduleId") ?? "",
            m.Str("name", "displayName") ?? m.Str("id") ?? "",
            m.Str("version") ?? "",
            (m.Str("reason", "state", "status") ?? "QUARANTINED")))];
    }

    /// <summary>Reasons for which the gateway waits for a restart (<c>GET restart-tasks/pending</c>).</summary>
    public async Task<IReadOnlyList<string>> PendingRestartsAsync(CancellationToken cancellationToken)
    {
        var json = await GetJsonAsync(ApiPrefix + "/restart-tasks/pending", "read the pending restart tasks", cancellationToken);
        var items = json.ValueKind == JsonValueKind.Array ? [.. json.EnumerateArray()] : json.Items();
        return [.. items.Select(i => i.ValueKind == JsonValueKind.String
            ? i.GetString() ?? ""
            : i.Str("reason", "description", "name", "moduleId", "id") ?? i.GetRawText())];
    }

    public async Task<IReadOnlyList<ProjectInfo>> ListProjectsAsync(CancellationToken cancellationToken)
    {
        var json = await GetJsonAsync(ApiPrefix + "/projects/list?limit=1000&offset=0", "list the projects", cancellationToken);
        return [.. json.Items().Select(ToProject)];
    }

    public async Task<ProjectInfo> GetProjectAsync(string name, CancellationToken cancellationToken)
    {
        var op = $"read project '{name}'";
        using var response = await SendAsync(HttpMethod.Get, $"{ApiPrefix}/projects/find/{Uri.EscapeDataString(name)}", null, CallKind.Read, op, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
            throw new GatewayException(GatewayFailure.NotFound, $"project '{name}' does not exist on the gateway at {Gateway}", response.StatusCode);
        await EnsureSuccessAsync(response, op, cancellationToken);
        var json = await ReadJsonAsync(response, op, cancellationToken);
        var project = json.Prop("project").ValueKind == JsonValueKind.Object ? json.Prop("project") : json;
        return ToProject(project);
    }

    public Task<JsonElement> TrialAsync(CancellationToken cancellationToken) =>
        GetJsonAsync(ApiPrefix + "/trial", "read the trial state", cancellationToken);

    private static ProjectInfo ToProject(JsonElement p) => new(
        p.ValueKind == JsonValueKind.String ? p.GetString() ?? "" : p.Str("name") ?? "",
        p.Str("title") ?? "",
        p.Str("description") ?? "",
        p.Bool("enabled") ?? true,
        p.Str("parent"),
        GatewayJson.ToPlain(p) as IReadOnlyDictionary<string, object?> ?? new Dictionary<string, object?> { ["name"] = p.GetString() });
}
