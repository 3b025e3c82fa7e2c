using IgnitionToolkit.GatewaySimulator.Middleware;
using IgnitionToolkit.GatewaySimulator.State;

namespace IgnitionToolkit.GatewaySimulator.WebUi;

/// <summary>
/// The gateway web UI a browser sees (reference §3 and §5): <c>/</c> redirects to the home page <c>/app</c> (a <c>nav</c>
/// with a "Log In" link for anonymous users), the two-step IdP form at <c>/idp/default/authn/login</c> (username, CONTINUE,
/// password, CONTINUE; it drives the JSON challenge endpoints of <c>LoginEndpoints</c>), the licensing page
/// <c>/app/platform/system/license</c> and the backup page (its "Download Backup" button downloads a .gwbk), which need the
/// <c>webui-sid-*</c> session.
/// </summary>
internal static class WebUiEndpoints
{
    public const string HomePath = "/app";
    public const string LicensePath = "/app/platform/system/license";
    public const string BackupPath = "/app/platform/system/backup-restore/backup";

    public static WebApplication MapGatewayWebUi(this WebApplication app)
    {
        app.MapGet("/", () => TypedResults.Redirect(HomePath));
        app.MapGet(HomePath, Home);
        app.MapGet(HomePath + "/home", Home);
        app.MapGet(LicensePath, License);
        app.MapGet(BackupPath, (HttpContext context, GatewayState state, IdpSessions sessions) =>
            FindSession(context, state, sessions) is { } session ? Html(WebUiPages.Backup(state, session)) : TypedResults.Redirect("/data/app/login"));
        app.MapGet(BackupPath + "/download", (HttpContext context, GatewayState state, IdpSessions sessions) =>
            FindSession(context, state, sessions) is null
                ? Results.Redirect("/data/app/login")
                : Results.File(state.CreateBackup(), "application/octet-stream", $"{state.GatewayName}_{DateTime.UtcNow:yyyyMMdd_HHmm}.gwbk"));
        // Replaces the older single-purpose form mapped by LoginEndpoints (same path, so this one takes precedence).
        app.MapGet("/idp/default/authn/login", () => Html(IdpLoginPage.Html));
        return app;
    }

    private static IResult Home(HttpContext context, GatewayState state, IdpSessions sessions) =>
        Html(WebUiPages.Home(state, FindSession(context, state, sessions)));

    private static IResult License(HttpContext context, GatewayState state, IdpSessions sessions)
    {
        var session = FindSession(context, state, sessions);
        return session is null ? TypedResults.Redirect("/data/app/login") : Html(WebUiPages.License(state, session));
    }

    private static WebSession? FindSession(HttpContext context, GatewayState state, IdpSessions sessions) =>
        sessions.FindSession(context.Request.Cookies[ApiAuthMiddleware.SessionCookieName(state.GatewayId)]);

    private static IResult Html(string html) => TypedResults.Content(html, "text/html; charset=utf-8");
}
