using IgnitionToolkit.Core.Configuration;
using IgnitionToolkit.Core.Execution;
using IgnitionToolkit.Core.Playbooks;
using Microsoft.Extensions.DependencyInjection;

namespace IgnitionToolkit.Runner.Tests.Fakes;

/// <summary>TEST FAKE wiring: replaces the engine, loader and migrator with the fakes (last registration wins).</summary>
public static class FakeServices
{
    public static IServiceCollection AddFakeToolkit(this IServiceCollection services)
    {
        services.AddSingleton<FakePlaybookEngine>();
        services.AddSingleton<IPlaybookEngine>(sp => sp.GetRequiredService<FakePlaybookEngine>());
        services.AddSingleton<IPlaybookLoader, FakePlaybookLoader>();
        services.AddSingleton<IPlaybookMigrator, FakePlaybookMigrator>();
        return services;
    }

    /// <summary>A provider for the CLI: fakes plus paths under <paramref name="dataDirectory"/>.</summary>
    public static ServiceProvider CliProvider(string dataDirectory) =>
        new ServiceCollection()
            .AddSingleton(new ToolkitPaths(dataDirectory, Path.Combine(dataDirectory, "playbooks"), Path.Combine(dataDirectory, "plugins")))
            .AddFakeToolkit()
            .BuildServiceProvider();
}
