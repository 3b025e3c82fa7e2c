using IgnitionToolkit.Core.Execution;
using IgnitionToolkit.GatewaySimulator.Hosting;
using IgnitionToolkit.Plugins.Gateway.Tests.Infrastructure;
using static IgnitionToolkit.Plugins.Gateway.Tests.Infrastructure.Assertions;
using static IgnitionToolkit.Testing.Engine.Playbooks;
using IgnitionToolkit.Contracts;

namespace IgnitionToolkit.Plugins.Gateway.Tests;

[Trait("Category", "Functional")]
public sealed class ResilienceTests
{
    [Fact]
    public async Task Server_errors_on_GET_requests_are_retried_until_they_succeed()
    {
        // 40 % of the calls fail: all 20 steps failing none (0.6^20) or one exhausting 21 attempts (20 x 0.4^21) is negligible
        await using var gw = await GatewayHarness.StartAsync(configure: o => o.GetRetryCount = 20);
        var steps = new List<Core.Playbooks.PlaybookStep> { Step("login", "gateway.login", new { url = gw.Url, api_token = SimulatorServer.ReadToken }) };
        await gw.SetFaultsAsync(new { errorRate = 0.4, pathPrefix = "/data/api/v1/projects" });
        for (var i = 0; i < 20; i++) steps.Add(Step($"list{i}", "gateway.list_projects"));

        var (status, run) = await gw.RunAsync([.. steps]);

        AssertCompleted(status, run);
        Assert.All(Enumerable.Range(0, 20), i => Assert.Equal(3L, run.Output($"list{i}", "count")));
        Assert.True(gw.Requests["GET /data/api/v1/projects/list"] > 20, "some attempts failed with 500 and were retried");
    }

    [Fact]
    public async Task Dropped_connections_on_GET_requests_are_retried()
    {
        // 40 % of the connections drop: no drop in 30 calls (0.6^30) or a call exhausting 21 attempts (30 x 0.4^21) is negligible
        await using var gw = await GatewayHarness.StartAsync(configure: o => o.GetRetryCount = 20);
        await gw.SetFaultsAsync(new { dropRate = 0.4, pathPrefix = "/data/api/v1/modules" });
        var steps = new List<Core.Playbooks.PlaybookStep> { Step("login", "gateway.login", new { url = gw.Url, api_token = SimulatorServer.ReadToken }) };
        for (var i = 0; i < 30; i++) steps.Add(Step($"m{i}", "gateway.list_modules"));

        var (status, run) = await gw.RunAsync([.. steps]);

        AssertCompleted(status, run);
        Assert.True(gw.Requests["GET /data/api/v1/modules/healthy"] > 30, "some connections dropped and were retried");
    }

    [Fact]
    public async Task A_failing_POST_is_never_retried()
    {
        await using var gw = await GatewayHarness.StartAsync(configure: o => o.GetRetryCount = 10);
        await gw.SetFaultsAsync(new { errorRate = 1.0, pathPrefix = "/data/api/v1/scan" });
        var (_, run) = await gw.RunAsync(
            Step("login", "gateway.login", gw.LoginParameters),
            Step("scan", "gateway.scan_projects"));

        AssertFailedWith(run, "scan", "failed to rescan the projects (500 InternalServerError)");
        Assert.Equal(1, gw.Requests["POST /data/api/v1/scan/projects"]);
    }

    [Fact]
    public async Task A_dropped_restart_request_is_not_repeated()
    {
        await using var gw = await GatewayHarness.StartAsync(configure: o => o.GetRetryCount = 10);
        await gw.SetFaultsAsync(new { dropRate = 1.0, pathPrefix = "/data/api/v1/restart-tasks" });
        var (_, run) = await gw.RunAsync(
            Step("login", "gateway.login", new { url = gw.Url, api_token = SimulatorServer.WriteToken }),
            Step("restart", "gateway.restart"));

        AssertFailedWith(run, "restart", "connection dropped by the gateway");
        Assert.Equal(1, gw.Requests["POST /data/api/v1/restart-tasks/restart"]);
    }

    [Fact]
    public async Task A_slow_gateway_hits_the_request_timeout_with_a_clear_message()
    {
        await using var gw = await GatewayHarness.StartAsync(configure: o =>
        {
            o.RequestTimeout = TimeSpan.FromMilliseconds(300);
            o.GetRetryCount = 0;
        });
        await gw.SetFaultsAsync(new { latencyMs = 2000, pathPrefix = "/data/api/v1/projects" });
        var (_, run) = await gw.RunAsync(
            Step("login", "gateway.login", new { url = gw.Url, api_token = SimulatorServer.ReadToken }),
            Step("projects", "gateway.list_projects"));

        AssertFailedWith(run, "projects", "did not answer within 0.3 s while trying to list the projects");
    }

    [Fact]
    public async Task Calls_during_a_restart_say_the_gateway_is_starting()
    {
        await using var gw = await GatewayHarness.StartAsync(configure: o => o.GetRetryCount = 0);
        await gw.SetRestartTimingAsync(refuseMs: 0, durationMs: 30_000);
        var (status, run) = await gw.RunAsync(
            Step("login", "gateway.login", gw.LoginParameters),
            Step("restart", "gateway.restart", new { wait_for_ready = false }),
            Step("ping", "gateway.ping"),
            Step("projects", "gateway.list_projects"));

        Assert.Equal(ExecutionStatus.Failed, status);
        Assert.Equal("STARTING", run.Output("ping", "state"));
        AssertFailedWith(run, "projects", "is starting up or restarting (503 ServiceUnavailable)");
    }
}
