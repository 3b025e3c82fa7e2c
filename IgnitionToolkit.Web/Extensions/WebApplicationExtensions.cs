using IgnitionToolkit.Web.Ai;
using IgnitionToolkit.Web.Api;
using IgnitionToolkit.Web.Auth;
using IgnitionToolkit.Web.Components;
using IgnitionToolkit.Web.Live;
using IgnitionToolkit.Web.Security;
using Microsoft.Extensions.Http.Resilience;
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
        builder.Services.AddHttpClient<ToolkitApiClient>(client => client.BaseAddress = baseAddress).WithApiResilience();
        builder.Services.AddHttpClient<RestClient>(client => client.BaseAddress = baseAddress).WithApiResilience();
        builder.Services.AddHttpClient<SignInService>(client => client.BaseAddress = baseAddress).WithApiResilience();
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
    private static void WithApiResilience(this IHttpClientBuilder client) => client
        .RemoveAllResilienceHandlers()
        .AddStandardResilienceHandler(options =>
        {
            // An API that is down is reported at once (the connection is refused) and a read is tried once more. An API
            // that is only slow (a busy machine) gets 30 s per attempt: a start reported as failed while it went through
            // would be worse than a wait.
            options.Retry.MaxRetryAttempts = 1;
            options.Retry.Delay = TimeSpan.FromMilliseconds(200);
            // A POST that timed out may have been carried out (an execution started, a credential saved): sent again, it
            // would be done twice. Only GET, HEAD, OPTIONS and the like are retried.
            options.Retry.DisableForUnsafeHttpMethods();
            options.AttemptTimeout.Timeout = TimeSpan.FromSeconds(30);
            options.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(45);
            options.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(60); // at least twice the attempt timeout
        });
#pragma warning restore EXTEXP0001
}
