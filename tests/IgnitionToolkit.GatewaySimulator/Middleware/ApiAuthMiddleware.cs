using IgnitionToolkit.GatewaySimulator.State;

namespace IgnitionToolkit.GatewaySimulator.Middleware;

/// <summary>Authentication for /data/api/v1 (reference section 2): <c>X-Ignition-API-Token: name:secret</c> or a web session
/// cookie with <c>X-CSRF-Token</c> on writes. Basic auth is rejected; a read-only caller gets a bare 403 on writes.</summary>
internal sealed class ApiAuthMiddleware(RequestDelegate next, Accounts accounts, IdpSessions sessions, GatewayState state)
{
    public const string TokenHeader = "X-Ignition-API-Token";
    public const string CsrfHeader = "X-CSRF-Token";
    public const string PrincipalKey = "simulator.principal";

    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments(SimulatorPaths.Api, StringComparison.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }
        var principal = Authenticate(context);
        if (principal is null)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }
        if (IsWrite(context.Request.Method))
        {
            var csrfOk = !principal.ViaCookie ||
                         string.Equals(context.Request.Headers[CsrfHeader].ToString(), principal.CsrfToken, StringComparison.Ordinal);
            if (!csrfOk || !principal.CanWrite)
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return;
            }
        }
        context.Items[PrincipalKey] = principal;
        await next(context);
    }

    private ApiPrincipal? Authenticate(HttpContext context)
    {
        if (context.Request.Headers.TryGetValue(TokenHeader, out var token))
        {
            return accounts.ValidateApiToken(token.ToString());
        }
        if (context.Request.Headers.Authorization.ToString().StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var session = sessions.FindSession(context.Request.Cookies[SessionCookieName(state.GatewayId)]);
        return session is null ? null : new ApiPrincipal(session.Username, !session.ReadOnly, ViaCookie: true, session.CsrfToken);
    }

    public static string SessionCookieName(string gatewayId) => $"webui-sid-{gatewayId}";

    private static bool IsWrite(string method) =>
        !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method));
}
