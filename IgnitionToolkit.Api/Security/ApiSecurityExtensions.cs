using IgnitionToolkit.ServiceDefaults.Security;
using Microsoft.Extensions.Options;

namespace IgnitionToolkit.Api.Security;

/// <summary>The API's hardening (docs/hardening.md): security headers with a JSON-only CSP, optional HTTPS redirection,
/// CORS closed unless origins are configured, and the per-client rate limit.</summary>
public static class ApiSecurityExtensions
{
    public static WebApplicationBuilder AddApiSecurity(this WebApplicationBuilder builder)
    {
        builder.AddToolkitSecurity();
        builder.Services.AddToolkitSettings<CorsSettings>(builder.Configuration, CorsSettings.Section, CorsSettings.Rules);
        builder.Services.AddCors();
        builder.Services.AddOptions<Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions>().Configure<IOptions<CorsSettings>>((cors, settings) =>
            cors.AddPolicy(CorsSettings.PolicyName, policy => policy
                .WithOrigins([.. settings.Value.Origins()])
                .AllowAnyHeader()
                .AllowAnyMethod()
                .AllowCredentials() // the SignalR browser client negotiates with credentials
                .WithExposedHeaders("Location", "Retry-After", "Deprecation")));
        return builder;
    }

    public static WebApplication UseApiSecurity(this WebApplication app)
    {
        app.UseToolkitSecurity(ApiContentSecurityPolicy.For, pipeline => pipeline.UseCors(CorsSettings.PolicyName));
        return app;
    }
}
