using IgnitionToolkit.GatewaySimulator.Endpoints;
using IgnitionToolkit.GatewaySimulator.Middleware;
using IgnitionToolkit.GatewaySimulator.Perspective;
using IgnitionToolkit.GatewaySimulator.State;
using IgnitionToolkit.GatewaySimulator.WebUi;
using Microsoft.Extensions.Options;

namespace IgnitionToolkit.GatewaySimulator.Hosting;

/// <summary>Builds the simulator application (used by Program and by in-process test hosts).</summary>
public static class SimulatorApp
{
    public const string DefaultUrl = "http://127.0.0.1:8088";

    public static WebApplication Build(string[] args, IEnumerable<KeyValuePair<string, string?>>? settings = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(SimulatorApp).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }
        if (ResolveUrls(builder.Configuration) is { } urls)
        {
            builder.WebHost.UseUrls(urls);
        }
        builder.Services.AddGatewaySimulator(builder.Configuration);

        var app = builder.Build();
        app.UseGatewaySimulator();
        return app;
    }

    /// <summary><c>--urls</c>/<c>ASPNETCORE_URLS</c> win, then <c>PORT</c>, then http://127.0.0.1:8088. Null leaves the choice to
    /// ASP.NET Core (when <c>ASPNETCORE_HTTP_PORTS</c> or <c>Kestrel:Endpoints</c> are configured).</summary>
    public static string? ResolveUrls(IConfiguration configuration)
    {
        var urls = configuration["urls"];
        if (!string.IsNullOrWhiteSpace(urls))
        {
            return urls;
        }
        if (int.TryParse(configuration["PORT"], out var port))
        {
            return $"http://127.0.0.1:{port}";
        }
        var hostConfigured = !string.IsNullOrWhiteSpace(configuration["http_ports"]) ||
                             !string.IsNullOrWhiteSpace(configuration["https_ports"]) ||
                             configuration.GetSection("Kestrel:Endpoints").GetChildren().Any();
        return hostConfigured ? null : DefaultUrl;
    }

    public static IServiceCollection AddGatewaySimulator(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddProblemDetails();
        services.Configure<SimulatorOptions>(configuration.GetSection(SimulatorOptions.SectionName));
        services.PostConfigure<SimulatorOptions>(o => o.WithDefaults());
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new FaultState(sp.GetRequiredService<IOptions<SimulatorOptions>>().Value.Faults));
        services.AddSingleton(sp => new GatewayLifecycle(sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<SimulatorOptions>>().Value.Restart, sp.GetRequiredService<FaultState>()));
        services.AddSingleton<GatewayState>();
        services.AddSingleton<Accounts>();
        services.AddSingleton<IdpSessions>();
        return services;
    }

    public static WebApplication UseGatewaySimulator(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseMiddleware<FaultMiddleware>();
        app.UseMiddleware<LifecycleMiddleware>();
        app.UseMiddleware<ApiAuthMiddleware>();

        app.MapProbeEndpoints();
        app.MapLoginEndpoints();
        app.MapAdminEndpoints();
        app.MapGroup(SimulatorPaths.Api)
            .MapGatewayEndpoints()
            .MapProjectEndpoints()
            .MapBackupRestartEndpoints()
            .MapModuleEndpoints();
        app.UsePerspectivePages();
        app.MapGatewayWebUi();
        return app;
    }
}
