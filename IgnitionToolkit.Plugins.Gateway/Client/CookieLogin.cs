using System.Net;
using System.Text.Json;
using System.Web;

namespace IgnitionToolkit.Plugins.Gateway.Client;

/// <summary>
/// The Ignition 8.3 web login (reference §3): follows the 302s of <c>/data/app/login</c> collecting cookies, answers the
/// IdP challenges with the token that rotates on every call, completes the OIDC redirect to get the <c>webui-sid-*</c>
/// cookie, then reads the CSRF token from <c>/data/app/session</c>.
/// </summary>
internal sealed class CookieLogin(GatewayClient client)
{
    private const int MaxRedirects = 12;
    private const int MaxChallenges = 8;
    private const string Operation = "log in";

    public async Task LoginAsync(string username, string password, CancellationToken cancellationToken)
    {
        client.BeginLogin();
        var (authUrl, landing) = await FollowRedirectsAsync(client.Resolve("/data/app/login"), cancellationToken);
        var token = TokenOf(landing) ?? throw Unsupported(landing);

        var complete = false;
        for (var round = 0; round < MaxChallenges && !complete; round++)
        {
            var next = await PostAsync("/idp/default/authn/next-challenge", new { token }, cancellationToken);
            token = String(next, "token") ?? token;
            complete = next.ValueKind == JsonValueKind.Object && next.TryGetProperty("complete", out var c) && c.ValueKind == JsonValueKind.True;
            if (complete) break;

            var challenge = ChallengeTypes(next);
            if (!challenge.Contains("basic", StringComparer.OrdinalIgnoreCase))
                throw new GatewayException(GatewayFailure.UnexpectedResponse,
                    $"the gateway at {client.Gateway} asks for a login challenge the toolkit cannot answer ({string.Join(", ", challenge.DefaultIfEmpty("none"))}); use an API token (api_token) instead");
            var submitted = await PostAsync("/idp/default/authn/submit-challenge/basic",
                new { token, rememberMe = false, challenge = new { username, password } }, cancellationToken);
            token = String(submitted, "token") ?? token;
            if (!(submitted.ValueKind == JsonValueKind.Object && submitted.TryGetProperty("success", out var ok) && ok.ValueKind == JsonValueKind.True))
                throw new GatewayException(GatewayFailure.WrongPassword,
                    $"login to {client.Gateway} failed: wrong username or password for user '{username}'");
        }
        if (!complete)
            throw new GatewayException(GatewayFailure.UnexpectedResponse, $"login to {client.Gateway} did not complete after {MaxChallenges} challenges");

        var callback = AppendToken(authUrl ?? landing, token);
        await FollowRedirectsAsync(callback, cancellationToken);
        if (!client.Cookies.Has(n => n.StartsWith("webui-sid", StringComparison.OrdinalIgnoreCase)))
            throw new GatewayException(GatewayFailure.UnexpectedResponse,
                $"login to {client.Gateway} finished without a session cookie (webui-sid-*): the gateway's login flow is not the Ignition 8.3 one");

        var session = await client.GetJsonAsync("/data/app/session", "read the login session (CSRF token)", cancellationToken);
        client.UseLoginSession(username, password, String(session, "csrfToken") ?? String(session, "csrf"));
    }

    /// <summary>GETs <paramref name="start"/> and follows redirects by hand; returns the last IdP authorize URL seen and the final URL.</summary>
    private async Task<(Uri? AuthUrl, Uri Final)> FollowRedirectsAsync(Uri start, CancellationToken cancellationToken)
    {
        Uri? authUrl = null;
        var current = start;
        for (var hop = 0; hop <= MaxRedirects; hop++)
        {
            if (current.AbsolutePath.EndsWith("/oidc/auth", StringComparison.OrdinalIgnoreCase)) authUrl = current;
            using var response = await client.SendAsync(HttpMethod.Get, current.AbsoluteUri, null, CallKind.Read, Operation, cancellationToken);
            var status = (int)response.StatusCode;
            if (status is >= 300 and < 400 && response.Headers.Location is { } location)
            {
                current = location.IsAbsoluteUri ? location : new Uri(current, location);
                continue;
            }
            if (hop == 0 && status is 404 or 405)
                throw new GatewayException(GatewayFailure.NotFound,
                    $"{client.Gateway} has no Ignition 8.3 web login (/data/app/login answered {status}): check the URL, or use an API token (api_token); Ignition 8.1 has no REST API",
                    response.StatusCode);
            if (status >= 400 && !IsLandingPage(current) && TokenOf(current) is null)
                await client.EnsureSuccessAsync(response, Operation, cancellationToken);
            return (authUrl, current);
        }
        throw new GatewayException(GatewayFailure.UnexpectedResponse, $"login to {client.Gateway} was redirected more than {MaxRedirects} times");
    }

    private static bool IsLandingPage(Uri uri) => uri.AbsolutePath is "/app" or "/app/" || uri.AbsolutePath.StartsWith("/app/", StringComparison.Ordinal);

    private async Task<JsonElement> PostAsync(string path, object body, CancellationToken cancellationToken)
    {
        using var response = await client.SendAsync(HttpMethod.Post, path, GatewayClient.Json(body), CallKind.Write, Operation, cancellationToken);
        if (response.StatusCode == HttpStatusCode.BadRequest)
            throw new GatewayException(GatewayFailure.Rejected,
                $"login to {client.Gateway} failed: the gateway rejected the login token (400); the login page may have expired, try again", response.StatusCode);
        await client.EnsureSuccessAsync(response, Operation, cancellationToken);
        return await client.ReadJsonAsync(response, Operation, cancellationToken);
    }

    private static string? TokenOf(Uri uri) => HttpUtility.ParseQueryString(uri.Query)["token"];

    private static Uri AppendToken(Uri uri, string token)
    {
        var query = HttpUtility.ParseQueryString(uri.Query);
        query["token"] = token;
        return new UriBuilder(uri) { Query = query.ToString() }.Uri;
    }

    private static string[] ChallengeTypes(JsonElement next)
    {
        if (next.ValueKind != JsonValueKind.Object || !next.TryGetProperty("nextChallenge", out var list)) return [];
        if (list.ValueKind == JsonValueKind.Object) return String(list, "type") is { } one ? [one] : [];
        return list.ValueKind != JsonValueKind.Array ? [] : [.. list.EnumerateArray().Select(e => String(e, "type")).OfType<string>()];
    }

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private GatewayException Unsupported(Uri landing) => new(GatewayFailure.UnexpectedResponse,
        $"{client.Gateway} did not start the Ignition 8.3 login (ended at {landing.AbsolutePath} without a login token): check the URL, or use an API token (api_token)");
}
