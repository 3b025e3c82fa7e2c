using IgnitionToolkit.Testing.Engine;
using IgnitionToolkit.Core.Execution;
using IgnitionToolkit.Core.Plugins.Loading;
using Microsoft.Extensions.DependencyInjection;
using IgnitionToolkit.Contracts;

namespace IgnitionToolkit.Core.Tests.Engine;

public class PluginFolderTests
{
    private static string SamplePluginsFolder => Path.Combine(AppContext.BaseDirectory, "sample-plugins");

    [Fact]
    public void A_plugin_dropped_in_the_plugins_folder_becomes_a_step_type_with_its_aliases()
    {
        var registry = PluginDiscovery.CreateRegistry(new ServiceCollection().BuildServiceProvider(),
            [typeof(PluginDiscovery).Assembly], SamplePluginsFolder);

        Assert.Empty(registry.LoadErrors);
        var lookup = registry.Lookup("sample.greet");
        Assert.True(lookup.Found);
        Assert.Equal("name", Assert.Single(lookup.Descriptor!.Parameters, p => p.Required).Name);
        Assert.True(registry.Lookup("sample.hello").IsDeprecated);
        Assert.True(registry.Lookup("utility.log").Found);
    }

    [Fact]
    public async Task A_folder_plugin_runs_inside_a_playbook()
    {
        var registry = PluginDiscovery.CreateRegistry(new ServiceCollection().BuildServiceProvider(),
            [typeof(PluginDiscovery).Assembly], SamplePluginsFolder);
        var greet = registry.GetPlugin("sample.greet")!;
        var run = new EngineHarness(greet).Start(IgnitionToolkit.Testing.Engine.Playbooks.Of(
            IgnitionToolkit.Testing.Engine.Playbooks.Step("greet", "sample.greet", new { name = "Ignition", times = "2" })));

        Assert.Equal(ExecutionStatus.Completed, await run.CompletionAsync());
        Assert.Equal("Hello, Ignition! Hello, Ignition!", run.FinishedStep("greet").Outputs["greeting"]);
    }

    [Fact]
    public void A_broken_assembly_in_the_plugins_folder_is_reported_not_fatal()
    {
        var folder = Directory.CreateTempSubdirectory("toolkit-plugins-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "Broken.dll"), "this is not an assembly");
            var registry = PluginDiscovery.CreateRegistry(new ServiceCollection().BuildServiceProvider(), [typeof(PluginDiscovery).Assembly], folder);

            Assert.Contains(registry.LoadErrors, e => e.Contains("Broken.dll", StringComparison.Ordinal));
            Assert.True(registry.Lookup("utility.wait").Found);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
