using IgnitionToolkit.Core.Plugins;
using IgnitionToolkit.Hosting.Plugins;
using IgnitionToolkit.Plugins.Perspective.Browser;
using IgnitionToolkit.Runner.Execution;
using IgnitionToolkit.Runner.Messaging;
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

        services.AddToolkitSteps(configuration, StepUse.Run);
        services.AddRunnerSettings(configuration);
        services.AddSingleton(sp => RunnerIdentity.From(sp.GetRequiredService<IOptions<RunnerOptions>>().Value,
            sp.GetRequiredService<IgnitionToolkit.Core.Configuration.ToolkitPaths>().DataDirectory, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ExecutionRegistry>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<EarlyCancellations>();
        services.AddSingleton(_ => IgnitionToolkit.Core.Security.CredentialTransport.From(key => configuration[key]));
        services.AddSingleton<ExecutionRequestFactory>();
        services.AddSingleton<ExecutionLauncher>();

        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(10));
        services.AddHostedService<RunnerShutdownService>();
        services.AddHostedService<HeartbeatService>();
        services.AddHostedService<Observability.RunnerGauges>();
        services.AddHealthChecks().AddCheck<RunnerHealthCheck>("runner", tags: ["ready"]);
        services.AddHealthChecks().AddCheck<BrowserHealthCheck>("browser");
        services.AddSingleton<ILiveViewPublisher, BusLiveViewPublisher>();
        services.AddSingleton<LiveViewInputs>(); // click through the live view: pages of this Runner's executions by id

        builder.AddRunnerBus();
        return builder;
    }
}
