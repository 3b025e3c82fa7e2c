using IgnitionToolkit.Plugins.Gateway.Tests.Infrastructure;
using static IgnitionToolkit.Plugins.Gateway.Tests.Infrastructure.Assertions;

namespace IgnitionToolkit.Plugins.Gateway.Tests;

/// <summary>The original v2 gateway playbooks (../shared/reference/original-playbooks/gateway) still run against the simulator.</summary>
[Trait("Category", "Functional")]
public sealed class V2PlaybookTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gateway-v2-tests").FullName;

    [OriginalPlaybooksTheory]
    [InlineData("backup_and_restart.yaml")]
    [InlineData("module_upgrade.yaml")]
    [InlineData("reset_trial.yaml")]
    public async Task Original_v2_gateway_playbook_runs(string file)
    {
        var folder = OriginalPlaybooks.Category("gateway")!;
        await using var gw = await GatewayHarness.StartAsync();
        await gw.SetRestartTimingAsync(refuseMs: 200, durationMs: 800, moduleLoadMs: 300);
        var path = Path.Combine(folder, file);
        var loaded = gw.Loader.Load(await File.ReadAllTextAsync(path), path);
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Diagnostics.Select(d => d.ToString())));

        var run = gw.Start(loaded.Playbook!, new Dictionary<string, object?>
        {
            ["gateway_url"] = gw.Url,
            ["username"] = GatewayHarness.Admin,
            ["password"] = GatewayHarness.AdminPassword,
            ["module_file"] = ModuleAndProjectTests.WriteModule(_folder),
            ["module_name"] = "Tank Farm",
        }.Where(p => loaded.Playbook!.Parameters.Any(d => d.Name == p.Key)).ToDictionary());
        AssertCompleted(await run.CompletionAsync(120), run);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
