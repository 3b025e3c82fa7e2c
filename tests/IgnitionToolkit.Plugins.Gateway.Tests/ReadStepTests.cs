using System.Net;
using System.Net.Sockets;
using IgnitionToolkit.Core.Execution;
using IgnitionToolkit.GatewaySimulator.Hosting;
using IgnitionToolkit.Plugins.Gateway.Tests.Infrastructure;
using IgnitionToolkit.Testing;
using static IgnitionToolkit.Plugins.Gateway.Tests.Infrastructure.Assertions;
using static IgnitionToolkit.Testing.Engine.Playbooks;
using IgnitionToolkit.Contracts;

namespace IgnitionToolkit.Plugins.Gateway.Tests;

[Trait("Category", "Functional")]
public sealed class ReadStepTests
{
    [Fact]
    public async Task Ping_reports_the_state_without_authentication()
    {
        await using var gw = await GatewayHarness.StartAsync();
        var (status, run) = await gw.RunAsync(Step("ping", "gateway.ping", new { url = gw.Url }));

        AssertCompleted(status, run);
        Assert.Equal("RUNNING", run.Output("ping", "state"));
        Assert.Equal(true, run.Output("ping", "running"));
    }

    [Fact]
    public async Task Get_info_merges_gateway_info_and_gwinfo()
    {
        await using var gw = await GatewayHarness.StartAsync();
        var (status, run) = await gw.RunAsync(
            Step("login", "gateway.login", gw.LoginParameters),
            Step("info", "gateway.get_info"));

        AssertCompleted(status, run);
        Assert.Equal("Ignition-Simulator", run.Output("info", "name"));
        Assert.Equal("8.3.8", run.Output("info", "version"));
        Assert.Equal("8.3.8 (b2026071409)", run.Output("info", "version_full"));
        Assert.Equal("standard", run.Output("info", "edition"));
        Assert.False(string.IsNullOrEmpty(run.Output("info", "license") as string));
        Assert.Equal("RUNNING", run.Output("info", "context_status"));
    }

    [Fact]
    public async Task Get_info_without_credentials_falls_back_to_the_public_gwinfo()
    {
        await using var gw = await GatewayHarness.StartAsync();
        var (status, run) = await gw.RunAsync(Step("info", "gateway.get_info", new { url = gw.Url }));

        AssertCompleted(status, run);
        Assert.StartsWith("8.3.8", (string)run.Output("info", "version")!);
        Assert.Equal("RUNNING", run.Output("info", "context_status"));
        Assert.Contains(run.Logs, l => l.Contains("only the public gwinfo", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Health_check_reports_status_version_licence_modules_and_pending_restarts()
    {
        await using var gw = await GatewayHarness.StartAsync();
        var (status, run) = await gw.RunAsync(
            Step("login", "gateway.login", new { url = gw.Url, api_token = SimulatorServer.ReadToken }),
            Step("health", "gateway.health_check", new { fail_on_unhealthy = true }));

        AssertCompleted(status, run);
        Assert.Equal("healthy", run.Output("health", "status"));
        Assert.Equal(true, run.Output("health", "healthy"));
        Assert.Equal("RUNNING", run.Output("health", "state"));
        Assert.Equal("8.3.8", run.Output("health", "version"));
        Assert.Equal(3L, run.Output("health", "modules"));
        Assert.Empty((List<object?>)run.Output("health", "modules_not_running")!);
        Assert.Empty((List<object?>)run.Output("health", "pending_restarts")!);
        Assert.NotNull(run.Output("health", "license"));
    }

    [Fact]
    public async Task The_v2_name_gateway_get_health_still_works_through_the_loader()
    {
        await using var gw = await GatewayHarness.StartAsync();
        var yaml = $"""
            name: v2 health
            version: "1.0"
            steps:
              - id: login
                name: Login
                type: gateway.login
                parameters: {"{"} url: "{gw.Url}", username: admin, password: password {"}"}
              - id: health
                name: Health
                type: gateway.get_health
            """;
        var loaded = gw.Loader.Load(yaml, "v2.yaml");
        Assert.True(loaded.IsValid, string.Join("; ", loaded.Errors.Select(e => e.ToString())));
        var run = gw.Start(loaded.Playbook!);
        AssertCompleted(await run.CompletionAsync(), run);
        Assert.Equal("healthy", run.Output("health", "status"));
    }

    [Fact]
    public async Task Lists_modules_and_projects_and_reads_one_project()
    {
        await using var gw = await GatewayHarness.StartAsync();
        var (status, run) = await gw.RunAsync(
            Step("login", "gateway.login", gw.LoginParameters),
            Step("modules", "gateway.list_modules"),
            Step("projects", "gateway.list_projects"),
            Step("project", "gateway.get_project", new { name = "SCADA_Main" }));

        AssertCompleted(status, run);
        Assert.Contains("com.inductiveautomation.perspective", (List<object?>)run.Output("modules", "module_ids")!);
        Assert.Equal(3L, run.Output("projects", "count"));
        Assert.Equal(["Demo_HMI", "SCADA_Main", "global"], ((List<object?>)run.Output("projects", "names")!).Cast<string>().Order(StringComparer.Ordinal));
        Assert.Equal("SCADA Main", run.Output("project", "title"));
        Assert.Equal("global", run.Output("project", "parent"));
        Assert.Equal(true, run.Output("project", "enabled"));
    }

    [Fact]
    public async Task A_missing_project_is_named_in_the_failure()
    {
        await using var gw = await GatewayHarness.StartAsync();
        var (_, run) = await gw.RunAsync(
            Step("login", "gateway.login", gw.LoginParameters),
            Step("project", "gateway.get_project", new { name = "Nope" }));

        AssertFailedWith(run, "project", "project 'Nope' does not exist on the gateway");
    }

    [Fact]
    public async Task A_gateway_that_is_down_is_reported_as_unreachable()
    {
        await using var gw = await GatewayHarness.StartAsync();
        var url = $"http://127.0.0.1:{TestPorts.Free()}";
        var (status, run) = await gw.RunAsync(Step("ping", "gateway.ping", new { url }));

        Assert.Equal(ExecutionStatus.Failed, status);
        AssertFailedWith(run, "ping", $"cannot reach the gateway at {url}");
        Assert.Contains("connection refused", run.Step("ping").Error);
    }
}
