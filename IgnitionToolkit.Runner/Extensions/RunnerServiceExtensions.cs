using IgnitionToolkit.Core;
using IgnitionToolkit.Runner.Execution;
using IgnitionToolkit.Runner.Hosting;
using IgnitionToolkit.Runner.Options;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace IgnitionToolkit.Runner.Extensions;

/// <summary>Wires the hosted Runner: core services, options, execution registry, bus, heartbeat, shutdown, health.</summary>
public static class RunnerServiceExtensions
{
    public static IHostApplicationBuilder AddRunner(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        services.AddToolkitCore(key => configuration[key]).AddGatewaySteps().AddAiSteps(key => configuration[key]);
        services.AddRunnerSettings(configuration);
        services.AddSingleton(sp => RunnerIdentity.From(sp.GetRequiredService<IOptions<RunnerOptions>>().Value));
        services.AddSingleton<ExecutionRegistry>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<EarlyCancellations>();
        services.AddSingleton<ExecutionRequestFactory>();
        services.AddSingleton<ExecutionLauncher>();

        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(10));
        services.AddHostedService<RunnerShutdownService>();
        services.AddHostedService<HeartbeatService>();
        services.AddHostedService<Observability.RunnerGauges>();
        services.AddHealthChecks().AddCheck<RunnerHealthCheck>("runner", tags: ["ready"]);

        builder.AddRunnerBus();
        return builder;
    }
}
