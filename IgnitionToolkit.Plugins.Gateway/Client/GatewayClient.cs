using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using IgnitionToolkit.Plugins.Gateway.Http;

namespace IgnitionToolkit.Plugins.Gateway.Client;

public enum GatewayAuthMode { None, ApiToken, Login }

/// <summary>How a request is sent: ordinary call or file transfer (longer timeout), read or write (CSRF, no retry).</summary>
internal enum CallKind { Read, Write, TransferRead, TransferWrite, Probe }

/// <summary>
/// One session with one gateway: base URL, authentication (API token or cookie login) and the calls of the
/// Ignition 8.3 HTTP interface. Lives in <c>StepContext.Items</c> for the duration of an execution.
/// </summary>
public sealed partial class GatewayClient : IDisposable
{
    public const string ApiPrefix = "/data/api/v1";
    private readonly HttpClient _http;
    private readonly GatewayClientOptions _options;
    private readonly CookieJar _cookies = new();
    private string? _apiToken;
    private string? _csrfToken;
    private string? _password;   // kept in memory for this execution only: web sessions do not survive a gateway restart
    private bool _loggingIn;

    internal GatewayClient(Uri baseUri, HttpClient http, GatewayClientOptions options)
    {
        BaseUri = baseUri;
        Gateway = baseUri.GetLeftPart(UriPartial.Path).TrimEnd('/');
        _http = http;
        _options = options;
    }

    /// <summary>Gateway base URL without a trailing slash, e.g. <c>http://localhost:8088</c>.</summary>
    public Uri BaseUri { get; }
    public string Gateway { get; }
    public GatewayAuthMode AuthMode { get; private set; }
    /// <summary>API key name or user name (never the secret).</summary>
    public string? CredentialName { get; private set; }
    /// <summary>The last restart (restart, restore) this session asked for and has not yet seen completed.</summary>
    public RestartMark? PendingRestart { get; internal set; }

    /// <summary>Id of the last module uploaded in this session (default of gateway.wait_for_module_installation).</summary>
    public string? LastUploadedModuleId { get; internal set; }

    /// <summary>Receives notices for the execution log (e.g. a renewed login); set by the step using the session.</summary>
    public Action<string>? Notice { get; set; }

    internal CookieJar Cookies => _cookies;

    public void UseApiToken(string token)
    {
        var colon = token.IndexOf(':');
        if (colon <= 0 || colon == token.Length - 1)
            throw new ArgumentException("the API token must be 'keyName:secret' (the whole string shown when the key was created)");
        _apiToken = token;
        CredentialName = token[..colon];
        AuthMode = GatewayAuthMode.ApiToken;
    }

    internal void UseLoginSession(string username, string password, string? csrfToken)
    {
        _apiToken = null;
        _csrfToken = csrfToken;
        _password = password;
        CredentialName = username;
        AuthMode = GatewayAuthMode.Login;
    }

    /// <summary>Starts a login: forgets cookies and any token, keeps nothing of the previous session.</summary>
    internal void BeginLogin()
    {
        _apiToken = null;
        _csrfToken = null;
        _cookies.Clear();
        AuthMode = GatewayAuthMode.None;
    }

    /// <summary>Logs in again with the stored user (after a restart the gateway has forgotten the web session).</summary>
    private async Task ReauthenticateAsync(CancellationToken cancellationToken)
    {
        var (user, password) = (CredentialName!, _password!);
        _loggingIn = true;
        try
        {
            await new CookieLogin(this).LoginAsync(user, password, cancellationToken);
            Notice?.Invoke($"the gateway no longer knew the web session (it restarts or restarted); logged in again as '{user}'");
        }
        finally
        {
            _loggingIn = false;
        }
    }

    private bool CanReauthenticate => AuthMode == GatewayAuthMode.Login && _password is not null && !_loggingIn;

    /// <summary>Forgets the credentials and cookies of this session.</summary>
    public void SignOut()
    {
        _apiToken = null;
        _csrfToken = null;
        _password = null;
        _cookies.Clear();
        CredentialName = null;
        AuthMode = GatewayAuthMode.None;
    }

    /// <summary>Ends a cookie session on the gateway (best effort) and forgets the credentials.</summary>
    public async Task LogoutAsync(CancellationToken cancellationToken)
    {
        if (AuthMode == GatewayAuthMode.Login)
        {
            try
            {
                // not SendAsync: a session the gateway already forgot must not be renewed just to end it
                using var response = await SendOnceAsync(HttpMethod.Post, "/data/app/logout", null, CallKind.Write, "log out", cancellationToken, null);
            }
            catch (GatewayException)
            {
                // the session is forgotten locally anyway
            }
        }
        SignOut();
    }

    internal Uri Resolve(string pathAndQuery) => new(Gateway + (pathAndQuery.StartsWith('/') ? pathAndQuery : "/" + pathAndQuery));

    /// <summary>Sends a request with this session's authentication; translates transport failures and timeouts.
    /// A cookie session the gateway no longer knows (401, e.g. after a restart) is renewed once with the stored user and
    /// the request repeated (a 401 means the gateway did nothing). The caller disposes the response.</summary>
    internal async Task<HttpResponseMessage> SendAsync(HttpMethod method, string pathOrUrl, HttpContent? content, CallKind kind,
        string operation, CancellationToken cancellationToken, TimeSpan? timeout = null, bool renewSession = true)
    {
        var response = await SendOnceAsync(method, pathOrUrl, content, kind, operation, cancellationToken, timeout);
        if (response.StatusCode != HttpStatusCode.Unauthorized || !renewSession || !CanReauthenticate) return response;
        response.Dispose();
        await ReauthenticateAsync(cancellationToken);
        return await SendOnceAsync(method, pathOrUrl, content, kind, operation, cancellationToken, timeout);
    }

    private async Task<HttpResponseMessage> SendOnceAsync(HttpMethod method, string pathOrUrl, HttpContent? content, CallKind kind,
        string operation, CancellationToken cancellationToken, TimeSpan? timeout)
    {
        var uri = pathOrUrl.StartsWith("http", StringComparison.OrdinalIgnoreCase) ? new Uri(pathOrUrl) : Resolve(pathOrUrl);
        var request = new HttpRequestMessage(method, uri) { Content = content };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("*/*", 0.8));
        if (_apiToken is not null) request.Headers.TryAddWithoutValidation("X-Ignition-API-Token", _apiToken);
        if (_cookies.HeaderFor(uri) is { } cookie) request.Headers.TryAddWithoutValidation("Cookie", cookie);
        if (AuthMode == GatewayAuthMode.Login && method != HttpMethod.Get && _csrfToken is not null)
            request.Headers.TryAddWithoutValidation("X-CSRF-Token", _csrfToken);
        if (kind == CallKind.Probe) request.Options.Set(GatewayHttp.NoRetry, true);

        var limit = timeout ?? (kind is CallKind.TransferRead or CallKind.TransferWrite ? _options.TransferTimeout : _options.RequestTimeout);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(limit);
        try
        {
            var completion = kind == CallKind.TransferRead ? HttpCompletionOption.ResponseHeadersRead : HttpCompletionOption.ResponseContentRead;
            var response = await _http.SendAsync(request, completion, cts.Token);
            _cookies.Collect(response);
            return response;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw GatewayErrors.Timeout(Gateway, operation, limit);
        }
        catch (HttpRequestException ex)
        {
            throw GatewayErrors.FromTransport(ex, Gateway, operation);
        }
        finally
        {
            request.Content = null; // the content may be sent again after a re-login; its owner disposes it
            request.Dispose();
        }
    }

    /// <summary>Throws a <see cref="GatewayException"/> with an integrator-friendly message when the status is not 2xx.</summary>
    internal async Task EnsureSuccessAsync(HttpResponseMessage response, string operation, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode) return;
        var body = await ReadTextSafelyAsync(response, cancellationToken);
        throw GatewayErrors.FromStatus(response.StatusCode, body, AuthMode, CredentialName, Gateway, operation);
    }

    internal async Task<JsonElement> GetJsonAsync(string path, string operation, CancellationToken cancellationToken, CallKind kind = CallKind.Read)
    {
        using var response = await SendAsync(HttpMethod.Get, path, null, kind, operation, cancellationToken);
        await EnsureSuccessAsync(response, operation, cancellationToken);
        return await ReadJsonAsync(response, operation, cancellationToken);
    }

    internal async Task<JsonElement> PostAsync(string path, HttpContent? content, string operation, CancellationToken cancellationToken,
        CallKind kind = CallKind.Write, params HttpStatusCode[] acceptedErrors)
    {
        using var response = await SendAsync(HttpMethod.Post, path, content, kind, operation, cancellationToken);
        if (acceptedErrors.Contains(response.StatusCode)) return default;
        await EnsureSuccessAsync(response, operation, cancellationToken);
        return await ReadJsonAsync(response, operation, cancellationToken, allowNonJson: true);
    }

    internal async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response, string operation, CancellationToken cancellationToken,
        bool allowNonJson = false)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(text)) return default;
        try
        {
            using var doc = JsonDocument.Parse(text);
            return doc.RootElement.Clone();
        }
        catch (JsonException)
        {
            if (allowNonJson) return JsonSerializer.SerializeToElement(text.Trim());
            throw new GatewayException(GatewayFailure.UnexpectedResponse,
                $"the gateway at {Gateway} answered '{operation}' with something that is not JSON (is the URL an Ignition 8.3 gateway?): {GatewayErrors.Summarize(text)}");
        }
    }

    internal static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    private static async Task<string> ReadTextSafelyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadAsStringAsync(cancellationToken);
        }
        catch (HttpRequestException)
        {
            return "";
        }
    }

    public void Dispose()
    {
        SignOut();
        _http.Dispose();
    }
}
