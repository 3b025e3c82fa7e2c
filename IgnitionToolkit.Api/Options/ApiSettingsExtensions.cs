namespace IgnitionToolkit.Api.Options;

/// <summary>The API's own settings (the shared ones come with the service defaults, the step plugins' with
/// <c>AddToolkitSteps</c>, the bus's Production requirements with <c>AddToolkitBus</c>), validated at start-up.</summary>
public static class ApiSettingsExtensions
{
    public static WebApplicationBuilder AddApiSettings(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddToolkitSettings<ApiOptions>(configuration, ApiOptions.Section, (_, _) => { });
        services.AddToolkitSettings<MetricsOptions>(configuration, MetricsOptions.Section, MetricsOptions.Rules);
        services.AddToolkitSettings<ExecutionsOptions>(configuration, ExecutionsOptions.Section, ExecutionsOptions.Rules(configuration));
        return builder;
    }
}
