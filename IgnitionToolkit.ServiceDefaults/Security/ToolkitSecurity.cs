using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace IgnitionToolkit.ServiceDefaults.Security;

/// <summary>The hardening every HTTP service shares (see docs/hardening.md): security headers, optional HTTPS
/// redirection with HSTS, and the per-client request rate limit.</summary>
public static class ToolkitSecurity
{
    public static IHostApplicationBuilder AddToolkitSecurity(this IHostApplicationBuilder builder) =>
        builder.AddToolkitRateLimiting().AddToolkitHttps();

    /// <summary>Headers, then HTTPS, then <paramref name="beforeRateLimit"/> (e.g. CORS, so preflights are answered), then the
    /// rate limiter. Signed-in users are counted by name wherever the service places its own authentication middleware:
    /// the request is authenticated (default scheme, result cached for the request) just before the limiter.</summary>
    public static IApplicationBuilder UseToolkitSecurity(this IApplicationBuilder app, Func<HttpContext, string> contentSecurityPolicy,
        Action<IApplicationBuilder>? beforeRateLimit = null)
    {
        app.ApplicationServices.GetService<Microsoft.Extensions.Options.IStartupValidator>()?.Validate(); // every invalid setting named at once
        app.UseToolkitSecurityHeaders(contentSecurityPolicy);
        app.UseToolkitHttps();
        beforeRateLimit?.Invoke(app);
        if (app.ApplicationServices.GetService<IAuthenticationSchemeProvider>() is { } schemes)
            app.Use(async (context, next) =>
            {
                await IdentifyAsync(context, schemes);
                await next(context);
            });
        return app.UseRateLimiter();
    }

    /// <summary>Sets the user of a request that carries valid credentials of the default scheme (invalid ones leave it anonymous,
    /// counted by address). Authorization still happens later, in the service's own middleware.</summary>
    private static async Task IdentifyAsync(HttpContext context, IAuthenticationSchemeProvider schemes)
    {
        if (context.User.Identity?.IsAuthenticated == true) return;
        if (await schemes.GetDefaultAuthenticateSchemeAsync() is not { } scheme) return;
        var result = await context.AuthenticateAsync(scheme.Name);
        if (result.Succeeded) context.User = result.Principal;
    }
}
