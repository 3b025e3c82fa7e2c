using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using IgnitionToolkit.Cli.CommandLine;

namespace IgnitionToolkit.Cli.Remote;

/// <summary>The toolkit API as the remote commands call it: <c>Authorization: Bearer &lt;token&gt;</c>, JSON in the API's
/// snake_case, answers read as <see cref="JsonNode"/> (printed as they come for <c>--json</c>). Every failure becomes a
/// <see cref="RemoteException"/> with a documented exit code: unreachable, 401 or 403 → 4; a problem about the input
/// (400, 404, 409, 422) → 2 with the problem's detail and diagnostics; another server error → 1.</summary>
public sealed class ApiClient(Uri server, string? token) : IDisposable
{
    /// <summary>One request's bound: a busy server answers slowly, a gone one is seen at once (connection refused).</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(100);

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private readonly HttpClient _http = Create(server, token);

    public Uri Server { get; } = server;

    private static HttpClient Create(Uri server, string? token)
    {
        var http = new HttpClient { BaseAddress = server, Timeout = RequestTimeout };
        http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("ignition-toolkit", typeof(ApiClient).Assembly.GetName().Version?.ToString() ?? "0"));
        if (token is not null) http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    public async Task<JsonNode> GetJsonAsync(string path, CancellationToken ct) =>
        JsonNode.Parse(await SendAsync(HttpMethod.Get, path, null, ct)) ?? new JsonObject();

    public async Task<byte[]> GetBytesAsync(string path, CancellationToken ct)
    {
        using var response = await RawAsync(HttpMethod.Get, path, null, ct);
        return await response.Content.ReadAsByteArrayAsync(ct);
    }

    /// <summary>Sends <paramref name="body"/> as JSON; the answer's JSON, or null for an empty answer (204).</summary>
    public async Task<JsonNode?> SendJsonAsync(HttpMethod method, string path, object? body, CancellationToken ct)
    {
        var text = await SendAsync(method, path, body, ct);
        return text.Length == 0 ? null : JsonNode.Parse(text);
    }

    private async Task<string> SendAsync(HttpMethod method, string path, object? body, CancellationToken ct)
    {
        using var response = await RawAsync(method, path, body, ct);
        return await response.Content.ReadAsStringAsync(ct);
    }

    private async Task<HttpResponseMessage> RawAsync(HttpMethod method, string path, object? body, CancellationToken ct)
    {
        HttpResponseMessage response;
        try
        {
            using var request = new HttpRequestMessage(method, path);
            if (body is not null) request.Content = JsonContent.Create(body, options: Json);
            response = await _http.SendAsync(request, ct);
        }
        catch (HttpRequestException ex)
        {
            throw new RemoteException(ExitCodes.ServerUnavailable, $"cannot reach the server at {Server}: {ex.Message}", transient: true);
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new RemoteException(ExitCodes.ServerUnavailable, $"the server at {Server} did not answer within {RequestTimeout.TotalSeconds:0} s", transient: true);
        }
        if (response.IsSuccessStatusCode) return response;
        using (response)
        {
            var problem = await ProblemText(response, ct);
            throw response.StatusCode switch
            {
                HttpStatusCode.Unauthorized => new RemoteException(ExitCodes.ServerUnavailable,
                    $"the server at {Server} refused the token (401): sign in again with 'ignition-toolkit login' or give a valid token"),
                HttpStatusCode.Forbidden => new RemoteException(ExitCodes.ServerUnavailable,
                    $"the server at {Server} refused this to the token's role (403){(problem.Length > 0 ? ": " + problem : "")}"),
                HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout => new RemoteException(ExitCodes.ServerUnavailable,
                    $"the server at {Server} is unavailable ({(int)response.StatusCode}){(problem.Length > 0 ? ": " + problem : "")}", transient: true),
                HttpStatusCode.BadRequest or HttpStatusCode.NotFound or HttpStatusCode.Conflict or HttpStatusCode.UnprocessableEntity =>
                    new RemoteException(ExitCodes.InvalidInput, problem.Length > 0 ? problem : $"{method} {path}: {(int)response.StatusCode}"),
                _ => new RemoteException(ExitCodes.Failed, $"{method} {path}: the server answered {(int)response.StatusCode}{(problem.Length > 0 ? ": " + problem : "")}"),
            };
        }
    }

    /// <summary>An RFC 7807 problem as text: its detail (or title), then one line per diagnostic (<c>file:line:column: severity: path: message</c>).</summary>
    private static async Task<string> ProblemText(HttpResponseMessage response, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct);
        try
        {
            if (JsonNode.Parse(text) is not JsonObject problem) return "";
            var lines = new List<string> { (string?)problem["detail"] ?? (string?)problem["title"] ?? "" };
            if (problem["diagnostics"] is JsonArray diagnostics)
            {
                foreach (var d in diagnostics.OfType<JsonObject>())
                    lines.Add($"  {(string?)d["file"]}:{(int?)d["line"]}:{(int?)d["column"]}: {(string?)d["severity"]}: {(string?)d["field"]}: {(string?)d["message"]}");
            }
            if (problem["errors"] is JsonObject errors)
            {
                foreach (var (field, messages) in errors)
                    lines.Add($"  {field}: {string.Join("; ", (messages as JsonArray ?? []).Select(m => (string?)m))}");
            }
            return string.Join(Environment.NewLine, lines.Where(l => l.Length > 0));
        }
        catch (JsonException)
        {
            return "";
        }
    }

    public void Dispose() => _http.Dispose();
}
