using IgnitionToolkit.Core.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IgnitionToolkit.Core;

/// <summary>Registers the core services: paths, step catalogue (built-in and plugin-folder plugins),
/// playbook loader, template resolver, migrator and engine.</summary>
public static class CoreServiceCollectionExtensions
{
    /// <param name="settings">Configuration lookup (e.g. <c>key => configuration[key]</c>).</param>
    public static IServiceCollection AddToolkitCore(this IServiceCollection services, Func<string, string?> settings)
    {
        services.AddSingleton(ToolkitPaths.Resolve(settings));
        return services;
    }
}
