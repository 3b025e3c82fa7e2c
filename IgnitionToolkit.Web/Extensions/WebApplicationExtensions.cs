using IgnitionToolkit.Web.Api;
using IgnitionToolkit.Web.Components;

namespace IgnitionToolkit.Web.Extensions;

/// <summary>Registers the Blazor components and the API client, and maps the web app's endpoints.</summary>
public static class WebApplicationExtensions
{
    /// <summary>Service-discovery address of the API; <c>Toolkit:ApiBaseAddress</c> overrides it (e.g. http://127.0.0.1:5080).</summary>
    public const string DefaultApiBaseAddress = "https+http://api";

    public static WebApplicationBuilder AddToolkitWeb(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();

        var apiBase = builder.Configuration["Toolkit:ApiBaseAddress"];
#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers is marked experimental; it replaces the default pipeline.
        builder.Services.AddHttpClient<ToolkitApiClient>(client =>
                client.BaseAddress = new Uri(string.IsNullOrWhiteSpace(apiBase) ? DefaultApiBaseAddress : apiBase))
            .RemoveAllResilienceHandlers()
            .AddStandardResilienceHandler(options =>
            {
                // The status page should say "API unreachable" within seconds, not after the default 30 s budget.
                options.Retry.MaxRetryAttempts = 1;
                options.Retry.Delay = TimeSpan.FromMilliseconds(200);
                options.AttemptTimeout.Timeout = TimeSpan.FromSeconds(3);
                options.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(7);
            });
#pragma warning restore EXTEXP0001
        return builder;
    }

    public static WebApplication UseToolkitWeb(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        }
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapDefaultEndpoints();
        return app;
    }
}
