using IgnitionToolkit.Core;
using IgnitionToolkit.Core.Plugins;
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

        services.AddToolkitCore(key => configuration[key]).AddGatewaySteps().AddAiSteps(key => configuration[key]).AddPerspectiveSteps();
        services.AddOptions<RunnerOptions>()
            .Bind(configuration.GetSection(RunnerOptions.Section))
            .Validate(o => o.MaxConcurrentExecutions >= 1, "Runner:MaxConcurrentExecutions must be at least 1")
            .Validate(o => o.HeartbeatInterval > TimeSpan.Zero, "Runner:HeartbeatInterval must be positive")
            .Validate(o => o.SlotWaitTimeout > TimeSpan.Zero, "Runner:SlotWaitTimeout must be positive")
            .ValidateOnStart();
        services.AddSingleton(sp => RunnerIdentity.From(sp.GetRequiredService<IOptions<RunnerOptions>>().Value));
        services.AddSingleton<ExecutionRegistry>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<EarlyCancellations>();
        services.AddSingleton(_ => IgnitionToolkit.Core.Security.CredentialTransport.From(key => configuration[key]));
        services.AddSingleton<ExecutionRequestFactory>();
        services.AddSingleton<ExecutionLauncher>();

        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(10));
        services.AddHostedService<RunnerShutdownService>();
        services.AddHostedService<HeartbeatService>();
        services.AddHealthChecks().AddCheck<RunnerHealthCheck>("runner", tags: ["ready"]);
        services.AddHealthChecks().AddCheck<BrowserHealthCheck>("browser");
        services.AddSingleton<ILiveViewPublisher, BusLiveViewPublisher>();

        builder.AddRunnerBus();
        return builder;
    }
}
