using IgnitionToolkit.Core;
using IgnitionToolkit.Plugins.Gateway.Configuration;
using IgnitionToolkit.Plugins.Gateway.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace IgnitionToolkit.Hosting.Plugins;

/// <summary>What a host does with steps.</summary>
public enum StepUse
{
    /// <summary>Validates playbooks and lists step types, never runs a step (the API: no browser runtime).</summary>
    Validate,

    /// <summary>Runs steps (the hosted Runner and the CLI).</summary>
    Run,
}

/// <summary>The one registration of the core services and the built-in step plugins (utility, gateway, AI,
/// Perspective) with their settings (<c>Toolkit:Gateway:*</c> validated at start-up, <c>Toolkit:Ai:*</c> and <c>ConnectionStrings:ai</c>,
/// <c>Perspective:Browser:*</c>), for the API, the hosted Runner and the CLI. Plugin-folder plugins are loaded by the core.</summary>
public static class ToolkitSteps
{
    public static IServiceCollection AddToolkitSteps(this IServiceCollection services, IConfiguration configuration, StepUse use)
    {
        services.AddToolkitCore(key => configuration[key])
            .AddGatewaySteps()
            .AddAiSteps(key => configuration[key]);
        if (use == StepUse.Run) services.AddPerspectiveSteps();
        else services.AddPerspectiveStepSchemas(); // the API never starts a browser
        services.AddToolkitSettings<GatewayClientOptions>(configuration, GatewaySettings.Section,
            (o, rules) => GatewaySettings.Rules(o, (valid, key, requirement) => rules.Check(valid, key, requirement)));
        return services;
    }
}
