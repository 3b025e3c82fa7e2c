using IgnitionToolkit.Core;
using IgnitionToolkit.Core.Configuration;
using IgnitionToolkit.Plugins.Perspective.Browser;
using IgnitionToolkit.Plugins.Perspective.Steps;
using IgnitionToolkit.Plugins.Perspective.Visual;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Perspective browser steps.</summary>
public static class PerspectiveServiceCollectionExtensions
{
    /// <summary>
    /// The step schemas and the screenshot baselines (the API: it validates playbooks and never runs a step, so it never starts a browser).
    /// </summary>
    public static IServiceCollection AddPerspectiveStepSchemas(this IServiceCollection services)
    {
        services.TryAddSingleton(sp => new BaselineStore(sp.GetRequiredService<ToolkitPaths>())); // the API approves, the steps compare
        return services.AddStepPluginAssembly(typeof(PerspectiveStep).Assembly);
    }

    /// <summary>
    /// The steps and the browser runtime (the Runner and the CLI): one Chromium per process, started on the first
    /// browser step, configured by <c>Perspective:Browser:*</c> (<see cref="BrowserOptions"/>), closed when the host stops.
    /// </summary>
    public static IServiceCollection AddPerspectiveSteps(this IServiceCollection services, Action<BrowserOptions>? configure = null)
    {
        services.AddPerspectiveStepSchemas();
        var options = services.AddOptions<BrowserOptions>();
        options.Configure<IServiceProvider>((o, sp) => sp.GetService<IConfiguration>()?.GetSection(BrowserOptions.Section).Bind(o));
        if (configure is not null) options.Configure(configure);
        services.TryAddSingleton(sp =>
        {
            var configured = sp.GetRequiredService<IOptions<BrowserOptions>>().Value.ProcessRecordDirectory;
            var folder = !string.IsNullOrWhiteSpace(configured) ? configured
                : sp.GetService<ToolkitPaths>() is { } paths ? Path.Combine(paths.DataDirectory, "browser")
                : Path.Combine(Path.GetTempPath(), "ignition-toolkit-browser");
            var logger = sp.GetService<ILoggerFactory>()?.CreateLogger<BrowserProcessRecord>() ?? (ILogger)NullLogger.Instance;
            return new BrowserProcessRecord(folder, logger);
        });
        services.TryAddSingleton(sp => new BrowserRuntime(sp.GetRequiredService<IOptions<BrowserOptions>>(),
            sp.GetRequiredService<BrowserProcessRecord>(),
            sp.GetService<ILoggerFactory>()?.CreateLogger<BrowserRuntime>() ?? NullLogger<BrowserRuntime>.Instance));
        services.AddHostedService<BrowserLifetimeService>();
        return services;
    }
}
