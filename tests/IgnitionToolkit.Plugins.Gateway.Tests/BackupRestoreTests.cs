using System.IO.Compression;
using System.Security.Cryptography;
using IgnitionToolkit.Core.Execution;
using IgnitionToolkit.GatewaySimulator.Hosting;
using IgnitionToolkit.GatewaySimulator.State;
using IgnitionToolkit.Plugins.Gateway.Tests.Infrastructure;
using static IgnitionToolkit.Plugins.Gateway.Tests.Infrastructure.Assertions;
using static IgnitionToolkit.Testing.Engine.Playbooks;

namespace IgnitionToolkit.Plugins.Gateway.Tests;

[Trait("Category", "Functional")]
public sealed class BackupRestoreTests
{
    [Fact]
    public async Task Backup_saves_the_gwbk_as_an_artifact_with_size_and_sha256()
    {
        await using var gw = await GatewayHarness.StartAsync();
        var (status, run) = await gw.RunAsync(
            Step("login", "gateway.login", new { url = gw.Url, api_token = SimulatorServer.ReadToken }),
            Step("backup", "gateway.backup"));

        AssertCompleted(status, run);
        var path = (string)run.Output("backup", "path")!;
        Assert.True(File.Exists(path));
        Assert.EndsWith(".gwbk", (string)run.Output("backup", "name")!);
        Assert.StartsWith("Ignition-Simulator_", (string)run.Output("backup", "name")!);
        Assert.Equal(new FileInfo(path).Length, run.Output("backup", "size"));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(path))), run.Output("backup", "sha256"));
        using (var zip = ZipFile.OpenRead(path)) Assert.NotNull(zip.GetEntry(BackupArchive.ManifestName));
        var artifact = Assert.Single(run.Artifacts);
        Assert.Equal(path, artifact.Path);
    }

    [Fact]
    public async Task Backup_then_change_then_restore_brings_the_state_back()
    {
        await using var gw = await GatewayHarness.StartAsync();
        await gw.SetRestartTimingAsync(refuseMs: 200, durationMs: 600, moduleLoadMs: 200);
        var login = Step("login", "gateway.login", gw.LoginParameters);
        var (status, run) = await gw.RunAsync(login, Step("backup", "gateway.backup"));
        AssertCompleted(status, run);
        var backup = (string)run.Output("backup", "path")!;

        await gw.DeleteProjectAsync("Demo_HMI");
        Assert.DoesNotContain("Demo_HMI", await gw.ProjectNamesAsync());

        // the restore reads the artifact of the earlier step through a template, as a playbook would
        (status, run) = await gw.RunAsync(login,
            Step("backup", "gateway.backup"),
            Step("restore", "gateway.restore", new { file = "{{ step.backup.path }}", poll_interval = 0.2, initial_delay = 0.5 }),
            Step("projects", "gateway.list_projects"));
        AssertCompleted(status, run);
        Assert.DoesNotContain("Demo_HMI", (List<object?>)run.Output("projects", "names")!);

        (status, run) = await gw.RunAsync(login,
            Step("restore", "gateway.restore", new { file = backup, poll_interval = 0.2, initial_delay = 0.5 }),
            Step("projects", "gateway.list_projects"));
        AssertCompleted(status, run);
        Assert.Equal(true, run.Output("restore", "ready"));
        Assert.Contains("Demo_HMI", (List<object?>)run.Output("projects", "names")!);
        Assert.Equal(2, (await gw.StateAsync()).GetProperty("restartCount").GetInt32());
    }

    [Fact]
    public async Task Restoring_a_corrupt_file_fails_with_an_explanation_and_changes_nothing()
    {
        await using var gw = await GatewayHarness.StartAsync();
        var file = Path.Combine(Path.GetTempPath(), $"corrupt-{Guid.NewGuid():N}.gwbk");
        await File.WriteAllTextAsync(file, "this is not a gateway backup");
        try
        {
            var (_, run) = await gw.RunAsync(
                Step("login", "gateway.login", gw.LoginParameters),
                Step("restore", "gateway.restore", new { file }));

            var error = AssertFailedWith(run, "restore", $"refused to restore '{Path.GetFileName(file)}' (400 Bad Request)");
            Assert.Contains("compatible Ignition version", error);
            Assert.Equal(0, (await gw.StateAsync()).GetProperty("restartCount").GetInt32());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Restoring_a_backup_of_a_newer_version_names_the_version_mismatch()
    {
        await using var gw = await GatewayHarness.StartAsync();
        var file = Path.Combine(Path.GetTempPath(), $"newer-{Guid.NewGuid():N}.gwbk");
        await File.WriteAllBytesAsync(file, BackupArchive.Write("Other", "8.4.1 (b2027010101)", "standard", DateTimeOffset.UtcNow, []));
        try
        {
            var (_, run) = await gw.RunAsync(
                Step("login", "gateway.login", gw.LoginParameters),
                Step("restore", "gateway.restore", new { file }));

            var error = AssertFailedWith(run, "restore", "400 Bad Request");
            Assert.Contains("8.4.1", error);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Restoring_a_missing_file_names_the_parameter()
    {
        await using var gw = await GatewayHarness.StartAsync();
        var (_, run) = await gw.RunAsync(
            Step("login", "gateway.login", gw.LoginParameters),
            Step("restore", "gateway.restore", new { file = "/nowhere/backup.gwbk" }));

        AssertFailedWith(run, "restore", "parameter 'file': file '/nowhere/backup.gwbk' not found");
    }
}
