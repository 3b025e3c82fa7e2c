using System.Net;
using IgnitionToolkit.GatewaySimulator.Middleware;
using IgnitionToolkit.GatewaySimulator.State;

namespace IgnitionToolkit.GatewaySimulator.Perspective;

/// <summary>
/// Perspective-like sessions (reference §5) at <c>/data/perspective/client/&lt;project&gt;/&lt;page&gt;</c> for the
/// simulator's projects. Pages: <c>/</c> (components that change when clicked), <c>slow</c> (long spinner),
/// <c>dashboard</c> (what v5's verification examples check, and a shadow-root component), <c>docked</c> (top and left docks), <c>secure</c> (needs a login through the IdP form), <c>terminal</c>
/// (terminal state), <c>broken</c> (component error). <c>?spinner=ms</c> sets how long the loading spinner shows.
/// </summary>
public static class PerspectiveEndpoints
{
    private const string ClientPath = "/data/perspective/client";
    private const string LoginPath = "/data/perspective/login";
    private const string ReturnCookie = "perspective-return";

    public static WebApplication UsePerspectivePages(this WebApplication app)
    {
        app.Use(ReturnAfterLoginAsync);
        app.MapGet(ClientPath + "/{project}/{**page}", Page);
        app.MapGet(LoginPath, (HttpContext context, string? returnUrl) =>
        {
            var target = returnUrl is { Length: > 0 } && returnUrl.StartsWith(ClientPath + "/", StringComparison.Ordinal) ? returnUrl : ClientPath;
            context.Response.Headers.Append("Set-Cookie", $"{ReturnCookie}={Uri.EscapeDataString(target)}; Path=/; HttpOnly; SameSite=Lax");
            return TypedResults.Redirect("/data/app/login");
        });
        return app;
    }

    // After the IdP login the gateway lands on /app; a Perspective login started from a page goes back to it.
    private static async Task ReturnAfterLoginAsync(HttpContext context, Func<Task> next)
    {
        if (HttpMethods.IsGet(context.Request.Method) && context.Request.Path.Equals("/app", StringComparison.OrdinalIgnoreCase)
            && context.Request.Cookies[ReturnCookie] is { Length: > 0 } target)
        {
            context.Response.Headers.Append("Set-Cookie", $"{ReturnCookie}=; Path=/; Max-Age=0");
            context.Response.Redirect(Uri.UnescapeDataString(target));
            return;
        }
        await next();
    }

    private static IResult Page(HttpContext context, GatewayState state, IdpSessions sessions, string project, string? page, int? spinner)
    {
        var key = (page ?? "").Trim('/');
        var delay = Math.Clamp(spinner ?? (key == "slow" ? 1500 : 300), 0, 60_000);
        if (state.FindProject(project) is null)
            return Html(PerspectivePages.Terminal("Project Not Found", $"Project '{WebUtility.HtmlEncode(project)}' does not exist on this gateway."));
        switch (key)
        {
            case "" or "slow":
                return Html(PerspectivePages.Home(project, delay));
            case "dashboard":
                return Html(PerspectivePages.Dashboard(project, delay));
            case "docked":
                return Html(PerspectivePages.Docked(project, delay));
            case "broken":
                return Html(PerspectivePages.Broken(project, delay));
            case "terminal":
                return Html(PerspectivePages.Terminal("Session Closed", "The Perspective session was closed by the gateway."));
            case "secure":
                var session = sessions.FindSession(context.Request.Cookies[ApiAuthMiddleware.SessionCookieName(state.GatewayId)]);
                var self = context.Request.Path + context.Request.QueryString;
                return session is null
                    ? Html(PerspectivePages.LoginRequired($"{LoginPath}?returnUrl={Uri.EscapeDataString(self)}"))
                    : Html(PerspectivePages.Secure(project, session.Username, delay));
            default:
                return Html(PerspectivePages.Terminal("Page Not Found", $"No page is configured at '/{WebUtility.HtmlEncode(key)}'."));
        }
    }

    private static IResult Html(string html) => TypedResults.Content(html, "text/html; charset=utf-8");
}
