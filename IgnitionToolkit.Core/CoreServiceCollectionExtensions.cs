using System.Reflection;
using IgnitionToolkit.Core.Configuration;
using IgnitionToolkit.Core.Engine;
using IgnitionToolkit.Core.Execution;
using IgnitionToolkit.Core.Plugins;
using IgnitionToolkit.Core.Playbooks;
using IgnitionToolkit.Core.Plugins.Loading;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IgnitionToolkit.Core;

/// <summary>Registers the core services: paths, step catalogue (built-in and plugin-folder plugins),
/// playbook loader, template resolver, migrator and engine.</summary>
public static class CoreServiceCollectionExtensions
{
    /// <param name="settings">Configuration lookup (e.g. <c>key => configuration[key]</c>).</param>
    public static IServiceCollection AddToolkitCore(this IServiceCollection services, Func<string, string?> settings)
    {
        services.TryAddSingleton(ToolkitPaths.Resolve(settings));
        services.TryAddSingleton(IgnitionToolkit.Core.Plugins.BuiltIn.Python.PythonStepOptions.Resolve(settings));
        services.AddStepPluginAssembly(typeof(CoreServiceCollectionExtensions).Assembly);
        services.TryAddSingleton(sp =>
        {
            var assemblies = sp.GetServices<StepPluginAssembly>().Select(a => a.Assembly);
            return PluginDiscovery.CreateRegistry(sp, assemblies, sp.GetRequiredService<ToolkitPaths>().PluginsDirectory);
        });
        services.TryAddSingleton<IStepCatalog>(sp => sp.GetRequiredService<StepPluginRegistry>());
        services.TryAddSingleton<CredentialBinders>(); // plugins add theirs with AddCredentialBinder
        services.AddPlaybookServices();
        services.TryAddSingleton<IPlaybookEngine, PlaybookEngine>();
        return services;
    }

    /// <summary>Adds an assembly whose public <see cref="IStepPlugin"/> classes become built-in step types.</summary>
    public static IServiceCollection AddStepPluginAssembly(this IServiceCollection services, Assembly assembly)
    {
        services.AddSingleton(new StepPluginAssembly(assembly));
        return services;
    }
}

/// <summary>Marks an assembly that contains built-in step plugins.</summary>
public sealed record StepPluginAssembly(Assembly Assembly);
