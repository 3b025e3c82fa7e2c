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
    /// rate limiter. The limiter counts signed-in users by name when authentication ran before it: WebApplication's automatic
    /// authentication middleware does; an explicit <c>UseAuthentication()</c> must come before this call.</summary>
    public static IApplicationBuilder UseToolkitSecurity(this IApplicationBuilder app, Func<HttpContext, string> contentSecurityPolicy,
        Action<IApplicationBuilder>? beforeRateLimit = null)
    {
        app.ApplicationServices.GetService<Microsoft.Extensions.Options.IStartupValidator>()?.Validate(); // every invalid setting named at once
        app.UseToolkitSecurityHeaders(contentSecurityPolicy);
        app.UseToolkitHttps();
        beforeRateLimit?.Invoke(app);
        return app.UseRateLimiter();
    }
}
