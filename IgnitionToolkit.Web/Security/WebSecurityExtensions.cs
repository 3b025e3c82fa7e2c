using IgnitionToolkit.ServiceDefaults.Security;
using Microsoft.AspNetCore.Antiforgery;

namespace IgnitionToolkit.Web.Security;

/// <summary>The web app's hardening (docs/hardening.md): security headers with a CSP that Blazor Server, MudBlazor,
/// the SignalR WebSocket, editor.js and the live browser frames (data: JPEG images) work with; optional HTTPS
/// redirection; and the per-client rate limit (static assets count, the circuit's WebSocket is one request).</summary>
public static class WebSecurityExtensions
{
    /// <summary>Scripts only from the app itself; inline styles are needed by MudBlazor and Blazor's reconnect UI.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static WebApplicationBuilder AddWebSecurity(this WebApplicationBuilder builder)
    {
        builder.AddToolkitSecurity();
        // Antiforgery would send X-Frame-Options: SAMEORIGIN; the security headers send DENY and frame-ancestors 'none'.
        builder.Services.Configure<AntiforgeryOptions>(o => o.SuppressXFrameOptionsHeader = true);
        return builder;
    }

    public static WebApplication UseWebSecurity(this WebApplication app)
    {
        var policy = app.Environment.IsDevelopment() ? DevelopmentPolicy() : ContentSecurityPolicy;
        app.UseToolkitSecurity(_ => policy);
        return app;
    }

    /// <summary>Development adds the WebSocket of <c>dotnet watch</c>'s browser refresh (another localhost port).</summary>
    public static string DevelopmentPolicy() =>
        ContentSecurityPolicy.Replace("connect-src 'self'", "connect-src 'self' ws://localhost:* wss://localhost:*", StringComparison.Ordinal);
}
