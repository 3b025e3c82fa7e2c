using IgnitionToolkit.Core;
using IgnitionToolkit.Core.Engine;
using IgnitionToolkit.Core.Execution;
using Microsoft.Extensions.DependencyInjection;

namespace IgnitionToolkit.Runner.Tests.Support;

/// <summary>The real Core services (engine, loader, migrator, step catalogue); the engine is wrapped in
/// <see cref="RecordingPlaybookEngine"/> so tests can read what the Runner asked of it.</summary>
public static class ToolkitServices
{
    public static IServiceCollection AddRecordingEngine(this IServiceCollection services)
    {
        services.AddSingleton(sp => new RecordingPlaybookEngine(ActivatorUtilities.CreateInstance<PlaybookEngine>(sp)));
        services.AddSingleton<IPlaybookEngine>(sp => sp.GetRequiredService<RecordingPlaybookEngine>());
        return services;
    }

    /// <summary>A provider for the CLI: the real Core with its folders under <paramref name="dataDirectory"/>.</summary>
    public static ServiceProvider CliProvider(string dataDirectory)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Toolkit:DataDirectory"] = dataDirectory,
            ["Toolkit:PlaybooksDirectory"] = Path.Combine(dataDirectory, "playbooks"),
            ["Toolkit:PluginsDirectory"] = Path.Combine(dataDirectory, "plugins"),
        };
        return new ServiceCollection()
            .AddLogging()
            .AddRecordingEngine()
            .AddToolkitCore(key => settings.GetValueOrDefault(key))
            .BuildServiceProvider();
    }
}
