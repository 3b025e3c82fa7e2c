using System.Net.Http.Json;
using System.Text.Json;
using IgnitionToolkit.Web.Api.Models;
using IgnitionToolkit.Web.Auth;

namespace IgnitionToolkit.Web.Api;

/// <summary>Calls the API's <c>/api/v1</c> endpoints and turns every answer into an <see cref="ApiResult{T}"/>
/// (problems keep their diagnostics; transport failures become a status-0 problem, never an exception).
/// Every request carries the signed-in user's API token.</summary>
public sealed class RestClient(HttpClient http, IApiTokenSource tokens, ILogger<RestClient> logger)
{
    public Uri? BaseAddress => http.BaseAddress;

    public Task<ApiResult<T>> GetAsync<T>(string path, CancellationToken ct = default) =>
        SendAsync<T>(() => new HttpRequestMessage(HttpMethod.Get, path), ct);

    public Task<ApiResult<T>> PostAsync<T>(string path, object? body, CancellationToken ct = default) =>
        SendAsync<T>(() => WithBody(HttpMethod.Post, path, body), ct);

    public Task<ApiResult<T>> PutAsync<T>(string path, object? body, CancellationToken ct = default) =>
        SendAsync<T>(() => WithBody(HttpMethod.Put, path, body), ct);

    public Task<ApiResult<bool>> DeleteAsync(string path, CancellationToken ct = default) => DeleteAsync<bool>(path, ct);

    public Task<ApiResult<T>> DeleteAsync<T>(string path, CancellationToken ct = default) =>
        SendAsync<T>(() => new HttpRequestMessage(HttpMethod.Delete, path), ct);

    /// <summary>A download as a stream: the answer's headers are read, its body is not buffered (a 500 MB backup passes
    /// through with flat memory). Null when the API does not answer 2xx. The caller disposes the answer.</summary>
    public async Task<HttpResponseMessage?> OpenAsync(string path, CancellationToken ct = default)
    {
        try
        {
            using var request = await AuthorizedAsync(new HttpRequestMessage(HttpMethod.Get, path));
            var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            if (response.IsSuccessStatusCode) return response;
            response.Dispose();
            return null;
        }
        catch (Exception ex) when (IsTransport(ex, ct))
        {
            logger.LogWarning("GET {Path} failed: {Message}", path, ex.Message);
            return null;
        }
    }

    private async Task<HttpRequestMessage> AuthorizedAsync(HttpRequestMessage message)
    {
        if (await tokens.GetTokenAsync() is { Length: > 0 } token)
            message.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return message;
    }

    private static HttpRequestMessage WithBody(HttpMethod method, string path, object? body) =>
        new(method, path) { Content = JsonContent.Create(body, body?.GetType() ?? typeof(object), options: ApiJson.Options) };

    private async Task<ApiResult<T>> SendAsync<T>(Func<HttpRequestMessage> request, CancellationToken ct)
    {
        using var message = await AuthorizedAsync(request());
        try
        {
            using var response = await http.SendAsync(message, ct);
            if (response.IsSuccessStatusCode)
            {
                if (typeof(T) == typeof(bool)) return ApiResult<T>.Success((T)(object)true);
                var value = await response.Content.ReadFromJsonAsync<T>(ApiJson.Options, ct);
                return value is null ? ApiResult<T>.Failure(new ApiProblem((int)response.StatusCode, "Empty answer", null, [])) : ApiResult<T>.Success(value);
            }
            return ApiResult<T>.Failure(await ReadProblemAsync(response, ct));
        }
        catch (Exception ex) when (IsTransport(ex, ct))
        {
            logger.LogWarning("{Method} {Path} failed: {Message}", message.Method, message.RequestUri, ex.Message);
            return ApiResult<T>.Failure(ApiProblem.Unreachable(ex.Message));
        }
    }

    private static async Task<ApiProblem> ReadProblemAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var status = (int)response.StatusCode;
        try
        {
            var body = await response.Content.ReadFromJsonAsync<JsonElement>(ApiJson.Options, ct);
            var diagnostics = body.TryGetProperty("diagnostics", out var d) && d.ValueKind == JsonValueKind.Array
                ? d.Deserialize<List<Diagnostic>>(ApiJson.Options) ?? [] : [];
            var title = status == StatusCodes.Status401Unauthorized ? "Your session has ended: sign in again" : JsonFields.String(body, "title") ?? response.ReasonPhrase ?? "Error";
            return new ApiProblem(status, title, JsonFields.String(body, "detail"), diagnostics);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException)
        {
            return new ApiProblem(status, response.ReasonPhrase ?? "Error", null, []);
        }
    }

    private static bool IsTransport(Exception ex, CancellationToken ct) => !ct.IsCancellationRequested &&
        ex is HttpRequestException or TaskCanceledException or JsonException
            or Polly.Timeout.TimeoutRejectedException or Polly.CircuitBreaker.BrokenCircuitException;
}
