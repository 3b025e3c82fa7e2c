using System.Text.Json;
using IgnitionToolkit.GatewaySimulator.Middleware;
using IgnitionToolkit.GatewaySimulator.State;

namespace IgnitionToolkit.GatewaySimulator.Endpoints;

/// <summary>Reference section 3: the eight-step IdP cookie login, the session/CSRF endpoint and logout.</summary>
internal static class LoginEndpoints
{
    private const string CallbackPath = "/data/federate/callback/internal";

    public static IEndpointRouteBuilder MapLoginEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/data/app/login", StartLogin);
        app.MapGet("/idp/default/oidc/auth", Authorize);
        app.MapPost("/idp/default/authn/next-challenge", NextChallenge);
        app.MapPost("/idp/default/authn/submit-challenge/basic", SubmitBasic);
        app.MapGet(CallbackPath, Callback);
        app.MapGet("/data/app/session", Session);
        app.MapGet("/data/app/logout", (HttpContext context, IdpSessions sessions, GatewayState state) =>
        {
            EndSession(context, sessions, state);
            return TypedResults.Redirect("/app");
        });
        app.MapPost("/data/app/logout", (HttpContext context, IdpSessions sessions, GatewayState state) =>
        {
            EndSession(context, sessions, state);
            return TypedResults.Ok(new { success = true });
        });
        app.MapGet("/app/{**path}", () => TypedResults.Content(LoginPage.AppHtml, "text/html; charset=utf-8"));
        return app;
    }

    // Step 1.
    private static IResult StartLogin(HttpContext context, GatewayState state)
    {
        var relay = IdpSessions.NewToken(16);
        AppendCookie(context, $"idp-relay-{relay[..8]}", relay);
        var redirectUri = Uri.EscapeDataString(CallbackPath);
        return TypedResults.Redirect(
            $"/idp/default/oidc/auth?response_type=code&client_id={state.GatewayId}&scope=openid&redirect_uri={redirectUri}&state={relay}");
    }

    // Steps 2 (no token yet) and 6 (final token).
    private static IResult Authorize(HttpContext context, IdpSessions sessions, string? token, string? state)
    {
        if (token is null)
        {
            if (string.IsNullOrEmpty(state))
            {
                return BadRequestHtml("Missing 'state'.");
            }
            var first = sessions.StartFlow(state);
            AppendCookie(context, $"idp-sid-default-{IdpSessions.NewToken(6)}", IdpSessions.NewToken());
            var query = QueryString.Create(context.Request.Query.Where(q => q.Key != "token")).Add("token", first);
            return TypedResults.Redirect($"/idp/default/authn/login{query}");
        }
        return sessions.Authorize(token) is { } grant
            ? TypedResults.Redirect($"{CallbackPath}?code={Uri.EscapeDataString(grant.Code)}&state={Uri.EscapeDataString(grant.State)}")
            : BadRequestHtml("Invalid or expired token.");
    }

    // Steps 3 and 5.
    private static async Task<IResult> NextChallenge(HttpRequest request, IdpSessions sessions)
    {
        using var body = await ReadJsonAsync(request);
        var answer = sessions.NextChallenge(body is null ? null : ReadString(body.RootElement, "token"));
        if (answer is not { } next)
        {
            return BadRequestHtml("Invalid or expired token.");
        }
        return next.Complete
            ? TypedResults.Ok<object>(new { complete = true, token = next.NextToken })
            : TypedResults.Ok<object>(new { complete = false, nextChallenge = new[] { new { type = "basic" } }, token = next.NextToken });
    }

    // Step 4.
    private static async Task<IResult> SubmitBasic(HttpRequest request, IdpSessions sessions, Accounts accounts, GatewayState state)
    {
        using var body = await ReadJsonAsync(request);
        if (body is null)
        {
            return BadRequestHtml("Invalid request body.");
        }
        var root = body.RootElement;
        var challenge = root.TryGetProperty("challenge", out var c) && c.ValueKind == JsonValueKind.Object ? c : default;
        var username = challenge.ValueKind == JsonValueKind.Object ? ReadString(challenge, "username") : null;
        var password = challenge.ValueKind == JsonValueKind.Object ? ReadString(challenge, "password") : null;
        var user = accounts.ValidateUser(username, password);
        var answer = sessions.SubmitBasic(ReadString(root, "token"), user);
        if (answer is not { } result)
        {
            return BadRequestHtml("Invalid or expired token.");
        }
        state.Log(result.Success ? "INFO" : "WARN", "gateway.Idp",
            result.Success ? $"User '{username}' authenticated." : $"Failed login attempt for user '{username}'.");
        return result.Success
            ? TypedResults.Ok<object>(new { success = true, token = result.NextToken })
            : TypedResults.Ok<object>(new { success = false, token = result.NextToken, message = "Invalid username or password." });
    }

    // Step 7.
    private static IResult Callback(HttpContext context, IdpSessions sessions, GatewayState gateway, string? code)
    {
        var session = sessions.Redeem(code, context.Request.Query["state"].ToString());
        if (session is null)
        {
            return BadRequestHtml("Invalid authorization code.");
        }
        AppendCookie(context, ApiAuthMiddleware.SessionCookieName(gateway.GatewayId), session.Id);
        return TypedResults.Redirect("/app");
    }

    // Step 8.
    private static IResult Session(HttpContext context, IdpSessions sessions, GatewayState state)
    {
        var session = sessions.FindSession(context.Request.Cookies[ApiAuthMiddleware.SessionCookieName(state.GatewayId)]);
        if (session is null)
        {
            return TypedResults.Unauthorized();
        }
        return TypedResults.Ok(new
        {
            userPayload = new { username = session.Username, roles = session.Roles, userSource = "default", securityZones = Array.Empty<string>() },
            csrfToken = session.CsrfToken,
        });
    }

    private static void EndSession(HttpContext context, IdpSessions sessions, GatewayState state)
    {
        var name = ApiAuthMiddleware.SessionCookieName(state.GatewayId);
        sessions.EndSession(context.Request.Cookies[name]);
        context.Response.Headers.Append("Set-Cookie", $"{name}=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict");
    }

    private static void AppendCookie(HttpContext context, string name, string value) =>
        context.Response.Headers.Append("Set-Cookie", $"{name}={value}; Path=/; HttpOnly; SameSite=Strict");

    private static IResult BadRequestHtml(string reason) => TypedResults.Content(
        $"<html><head><title>Error 400 Bad Request</title></head><body><h2>HTTP ERROR 400 Bad Request</h2><p>{reason}</p></body></html>",
        "text/html; charset=utf-8", statusCode: 400);

    private static async Task<JsonDocument?> ReadJsonAsync(HttpRequest request)
    {
        try
        {
            return await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? ReadString(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
