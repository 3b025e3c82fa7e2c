using System.IO.Compression;
using System.Text;
using IgnitionToolkit.Core.Execution;
using IgnitionToolkit.GatewaySimulator.Hosting;
using IgnitionToolkit.Plugins.Gateway.Tests.Infrastructure;
using static IgnitionToolkit.Plugins.Gateway.Tests.Infrastructure.Assertions;
using static IgnitionToolkit.Testing.Engine.Playbooks;
using IgnitionToolkit.Contracts;

namespace IgnitionToolkit.Plugins.Gateway.Tests;

[Trait("Category", "Functional")]
public sealed class ModuleAndProjectTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gateway-module-tests").FullName;

    /// <summary>A minimal .modl: a ZIP with module.xml (id, name, version).</summary>
    internal static string WriteModule(string folder, string id = "com.example.tankfarm", string name = "Tank Farm", string version = "1.2.0")
    {
        var path = Path.Combine(folder, $"{name.Replace(' ', '-')}.modl");
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        using var writer = new StreamWriter(zip.CreateEntry("module.xml").Open(), Encoding.UTF8);
        writer.Write($"<modules><module><id>{id}</id><name>{name}</name><version>{version}</version></module></modules>");
        return path;
    }

    [Fact]
    public async Task Upload_installs_a_module_which_runs_after_the_restart()
    {
        await using var gw = await GatewayHarness.StartAsync();
        await gw.SetRestartTimingAsync(refuseMs: 100, durationMs: 400, moduleLoadMs: 300);
        var file = WriteModule(_folder);
        var (status, run) = await gw.RunAsync(
            Step("login", "gateway.login", gw.LoginParameters),
            Step("upload", "gateway.upload_module", new { file }),
            Step("installed", "gateway.wait_for_module_installation", new { timeout = 10, poll_interval = 0.2 }),
            Step("restart", "gateway.restart", new { poll_interval = 0.2, initial_delay = 0.3 }),
            Step("running", "gateway.wait_for_module_installation", new { module_id = "{{ step.upload.module_id }}", timeout = 10, poll_interval = 0.2 }),
            Step("modules", "gateway.list_modules"));

        AssertCompleted(status, run);
        Assert.Equal("com.example.tankfarm", run.Output("upload", "module_id"));
        Assert.Equal(true, run.Output("upload", "restart_required"));
        Assert.Equal(true, run.Output("installed", "restart_required"));
        Assert.Equal("RUNNING", run.Output("running", "state"));
        Assert.Equal("1.2.0", run.Output("running", "version"));
        Assert.Contains("com.example.tankfarm", (List<object?>)run.Output("modules", "module_ids")!);
    }

    [Fact]
    public async Task Waiting_for_a_module_that_never_comes_times_out_clearly()
    {
        await using var gw = await GatewayHarness.StartAsync();
        var (_, run) = await gw.RunAsync(
            Step("login", "gateway.login", gw.LoginParameters),
            Step("wait", "gateway.wait_for_module_installation", new { module_name = "Ghost", timeout = 0.6, poll_interval = 0.2 }));

        AssertFailedWith(run, "wait", "module 'Ghost' was not installed");
    }

    [Fact]
    public async Task Export_then_import_under_a_new_name_and_overwrite_rules()
    {
        await using var gw = await GatewayHarness.StartAsync();
        var (status, run) = await gw.RunAsync(
            Step("login", "gateway.login", new { url = gw.Url, api_token = SimulatorServer.WriteToken }),
            Step("export", "gateway.export_project", new { name = "SCADA_Main" }),
            Step("copy", "gateway.import_project", new { name = "SCADA_Copy", file = "{{ step.export.path }}" }),
            Step("again", "gateway.import_project", new { name = "SCADA_Copy", file = "{{ step.export.path }}" }, onFailure: Core.Playbooks.FailureAction.Continue),
            Step("replace", "gateway.import_project", new { name = "SCADA_Copy", file = "{{ step.export.path }}", overwrite = true }),
            Step("scan", "gateway.scan_projects", new { include_config = true }),
            Step("read", "gateway.get_project", new { name = "SCADA_Copy" }));

        Assert.Equal(ExecutionStatus.Completed, status);
        Assert.EndsWith(".zip", (string)run.Output("export", "name")!);
        Assert.True((long)run.Output("export", "size")! > 0);
        Assert.Equal(StepStatus.Completed, run.Step("copy").Status);
        AssertFailedWith(run, "again", "project 'SCADA_Copy' already exists on the gateway");
        Assert.Contains("overwrite: true", run.Step("again").Error);
        Assert.Equal(StepStatus.Completed, run.Step("replace").Status);
        Assert.Equal("SCADA_Copy", run.Output("read", "name"));
        Assert.Contains("SCADA_Copy", await gw.ProjectNamesAsync());
    }

    [Fact]
    public async Task Exporting_a_missing_project_fails_clearly()
    {
        await using var gw = await GatewayHarness.StartAsync();
        var (_, run) = await gw.RunAsync(
            Step("login", "gateway.login", gw.LoginParameters),
            Step("export", "gateway.export_project", new { name = "Nope" }));

        AssertFailedWith(run, "export", "project 'Nope' does not exist");
        Assert.Empty(run.Artifacts);
    }

    [Fact]
    public async Task Reset_trial_reports_the_new_trial_time()
    {
        await using var gw = await GatewayHarness.StartAsync();
        var (status, run) = await gw.RunAsync(
            Step("login", "gateway.login", gw.LoginParameters),
            Step("trial", "gateway.reset_trial"));

        AssertCompleted(status, run);
        Assert.InRange((long)run.Output("trial", "trial_seconds_left")!, 7000, 7200);
        Assert.Equal(false, run.Output("trial", "expired"));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
