using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpsPolicy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace IgnitionToolkit.ServiceDefaults.Security;

/// <summary>HTTPS redirection and HSTS when <see cref="HttpsOptions.Redirect"/> is on; health, alive and metrics are
/// left on plain HTTP for probes and scrapers.</summary>
public static class ToolkitHttps
{
    public static IHostApplicationBuilder AddToolkitHttps(this IHostApplicationBuilder builder)
    {
        builder.Services.AddToolkitSettings<HttpsOptions>(builder.Configuration, HttpsOptions.Section, HttpsOptions.Rules);
        builder.Services.AddOptions<HttpsRedirectionOptions>().Configure<IOptions<HttpsOptions>>((redirect, https) =>
        {
            if (https.Value.Port is { } port) redirect.HttpsPort = port;
        });
        builder.Services.AddOptions<HstsOptions>().Configure<IOptions<HttpsOptions>>((hsts, https) =>
        {
            hsts.MaxAge = https.Value.HstsMaxAge;
            hsts.IncludeSubDomains = false;
        });
        return builder;
    }

    public static IApplicationBuilder UseToolkitHttps(this IApplicationBuilder app)
    {
        if (!app.ApplicationServices.GetRequiredService<IOptions<HttpsOptions>>().Value.Redirect) return app;
        return app.UseWhen(context => !ToolkitRateLimiting.IsExempt(context.Request.Path), https => https.UseHsts().UseHttpsRedirection());
    }
}
