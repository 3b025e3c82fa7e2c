using IgnitionToolkit.Web.Ai;
using IgnitionToolkit.Web.Api;
using IgnitionToolkit.Web.Auth;
using IgnitionToolkit.Web.Components;
using IgnitionToolkit.Web.Live;
using IgnitionToolkit.Web.Security;
using MudBlazor.Services;

namespace IgnitionToolkit.Web.Extensions;

/// <summary>Registers the Blazor components, MudBlazor, the API clients and the live connection, and maps the web app's endpoints.</summary>
public static class WebApplicationExtensions
{
    /// <summary>Service-discovery address of the API; <c>Toolkit:ApiBaseAddress</c> overrides it (e.g. http://127.0.0.1:5080).</summary>
    public const string DefaultApiBaseAddress = "https+http://api";

    public static WebApplicationBuilder AddToolkitWeb(this WebApplicationBuilder builder)
    {
        builder.AddUiAssets();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices(o =>
        {
            // Bottom left: never over the execution controls (top right); gone after a few seconds even when hovered.
            o.SnackbarConfiguration.PositionClass = MudBlazor.Defaults.Classes.Position.BottomLeft;
            o.SnackbarConfiguration.VisibleStateDuration = 4000;
            o.SnackbarConfiguration.ShowTransitionDuration = 200;
            o.SnackbarConfiguration.HideTransitionDuration = 200;
            o.SnackbarConfiguration.PreventDuplicates = true;
        });
        builder.AddWebSecurity();

        var apiBase = builder.Configuration["Toolkit:ApiBaseAddress"];
        var baseAddress = new Uri(string.IsNullOrWhiteSpace(apiBase) ? DefaultApiBaseAddress : apiBase);
        builder.Services.AddHttpClient<ToolkitApiClient>(client => client.BaseAddress = baseAddress).WithQuickFailure();
        builder.Services.AddHttpClient<RestClient>(client => client.BaseAddress = baseAddress).WithQuickFailure();
        builder.Services.AddHttpClient<SignInService>(client => client.BaseAddress = baseAddress).WithQuickFailure();
        builder.Services.AddToolkitWebAuth();
        builder.AddWebDataProtection();
        builder.Services.AddScoped<PlaybooksApi>();
        builder.Services.AddScoped<LibraryApi>();
        builder.Services.AddScoped<ExecutionsApi>();
        builder.Services.AddScoped<RecordingsApi>();
        builder.Services.AddScoped<CredentialsApi>();
        builder.Services.AddScoped<Settings.GlobalCredential>();
        builder.Services.AddScoped<WebhooksApi>();
        builder.Services.AddScoped<UsersApi>();
        builder.Services.AddScoped<AuditApi>();
        builder.Services.AddScoped<GatewaysApi>();
        builder.Services.AddScoped<FleetRunsApi>();
        builder.Services.AddScoped<SchedulesApi>();
        builder.Services.AddScoped<TokensApi>();
        builder.Services.AddScoped<BaselinesApi>();
        builder.Services.AddAiPanel(baseAddress);
        builder.Services.AddScoped<LiveConnection>(); // one per circuit (browser tab)
        return builder;
    }

    public static WebApplication UseToolkitWeb(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        }
        app.UseWebSecurity();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(
            o => o.ContentSecurityFrameAncestorsPolicy = null); // UseWebSecurity sends the full CSP, frame-ancestors 'none' included
        app.MapDownloads();
        app.MapSignOut();
        app.MapDefaultEndpoints();
        return app;
    }

#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers is marked experimental; it replaces the default pipeline.
    private static void WithQuickFailure(this IHttpClientBuilder client) => client
        .RemoveAllResilienceHandlers()
        .AddStandardResilienceHandler(options =>
        {
            // Pages should say "API unreachable" within seconds, not after the default 30 s budget.
            options.Retry.MaxRetryAttempts = 1;
            options.Retry.Delay = TimeSpan.FromMilliseconds(200);
            options.AttemptTimeout.Timeout = TimeSpan.FromSeconds(10);
            options.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(20);
            options.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(20);
        });
#pragma warning restore EXTEXP0001
}
