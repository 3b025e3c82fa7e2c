using IgnitionToolkit.Core.Execution;
using IgnitionToolkit.Plugins.Gateway.Tests.Infrastructure;
using static IgnitionToolkit.Plugins.Gateway.Tests.Infrastructure.Assertions;

namespace IgnitionToolkit.Plugins.Gateway.Tests;

/// <summary>The example playbooks shipped in playbooks/gateway run against the simulator through the real loader and engine.</summary>
[Trait("Category", "Functional")]
public sealed class PlaybookTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gateway-playbook-tests").FullName;

    private static string[] Files => [.. Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "playbooks"), "*.yaml")
        .Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    public static TheoryData<string> Examples => [.. Files];

    [Fact]
    public void The_four_documented_examples_are_shipped() =>
        Assert.Superset(new HashSet<string> { "backup_and_restart.yaml", "health_check.yaml", "module_install.yaml", "project_export_import.yaml" },
            Files.ToHashSet());

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task Example_playbook_runs_against_the_simulator(string file)
    {
        await using var gw = await GatewayHarness.StartAsync();
        await gw.SetRestartTimingAsync(refuseMs: 200, durationMs: 800, moduleLoadMs: 300);
        var path = Path.Combine(AppContext.BaseDirectory, "playbooks", file);
        var loaded = gw.Loader.Load(await File.ReadAllTextAsync(path), path);
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Diagnostics.Select(d => d.ToString())));
        Assert.Empty(loaded.Warnings);

        var run = gw.Start(loaded.Playbook!, new Dictionary<string, object?>
        {
            ["gateway_url"] = gw.Url,
            ["username"] = GatewayHarness.Admin,
            ["password"] = GatewayHarness.AdminPassword,
            ["module_file"] = ModuleAndProjectTests.WriteModule(_folder),
            ["project"] = "SCADA_Main",
            ["target_project"] = "SCADA_Staging",
        }.Where(p => loaded.Playbook!.Parameters.Any(d => d.Name == p.Key)).ToDictionary());
        AssertCompleted(await run.CompletionAsync(120), run);
        Assert.DoesNotContain(run.Logs, l => l.Contains(GatewayHarness.AdminPassword, StringComparison.Ordinal));
        if (file == "backup_and_restart.yaml")
        {
            Assert.Single(run.Artifacts);
            Assert.Equal(1, (await gw.StateAsync()).GetProperty("restartCount").GetInt32());
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
