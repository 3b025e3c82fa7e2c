using IgnitionToolkit.Core.Configuration;
using IgnitionToolkit.Core.Execution;
using IgnitionToolkit.Core.Playbooks;
using IgnitionToolkit.Runner.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace IgnitionToolkit.Runner.Tests.Fakes;

/// <summary>
/// TEST FAKE wiring, the one place to change after merge: replaces the engine, loader and migrator with the fakes
/// (last registration wins). The engine is always wrapped in <see cref="RecordingPlaybookEngine"/>, which the tests read;
/// to use the real engine, register <c>new RecordingPlaybookEngine(real engine)</c> instead of the fake.
/// </summary>
public static class FakeServices
{
    public static IServiceCollection AddFakeToolkit(this IServiceCollection services)
    {
        services.AddSingleton(_ => new RecordingPlaybookEngine(new FakePlaybookEngine()));
        services.AddSingleton<IPlaybookEngine>(sp => sp.GetRequiredService<RecordingPlaybookEngine>());
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
