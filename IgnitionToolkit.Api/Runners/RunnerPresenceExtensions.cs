using IgnitionToolkit.ServiceDefaults.Configuration;

namespace IgnitionToolkit.Api.Runners;

public static class RunnerPresenceExtensions
{
    /// <summary>Runner presence (fed by <c>RunnerHeartbeatConsumer</c>), the <c>runners</c> health component and its settings.</summary>
    public static WebApplicationBuilder AddToolkitRunners(this WebApplicationBuilder builder)
    {
        builder.Services.AddToolkitSettings<RunnersOptions>(builder.Configuration, RunnersOptions.Section, RunnersOptions.Rules);
        builder.Services.AddSingleton<RunnerPresence>();
        builder.Services.AddHealthChecks().AddCheck<RunnersHealthCheck>(RunnersHealthCheck.Name, tags: [ServiceDefaultsExtensions.InformationalHealthTag]);
        return builder;
    }
}
