using System.Diagnostics;
using IgnitionToolkit.Core.Execution;
using IgnitionToolkit.GatewaySimulator.Hosting;
using IgnitionToolkit.Plugins.Gateway.Tests.Infrastructure;
using static IgnitionToolkit.Plugins.Gateway.Tests.Infrastructure.Assertions;
using static IgnitionToolkit.Testing.Engine.Playbooks;
using IgnitionToolkit.Contracts;

namespace IgnitionToolkit.Plugins.Gateway.Tests;

[Trait("Category", "Functional")]
public sealed class RestartTests
{
    [Fact]
    public async Task A_restart_longer_than_several_poll_intervals_is_waited_out_including_module_loading()
    {
        await using var gw = await GatewayHarness.StartAsync();
        await gw.SetRestartTimingAsync(refuseMs: 600, durationMs: 1500, moduleLoadMs: 1000, observeEachPhase: true);
        var clock = Stopwatch.StartNew();
        var (status, run) = await gw.RunAsync(
            Step("login", "gateway.login", new { url = gw.Url, api_token = SimulatorServer.WriteToken }),
            Step("restart", "gateway.restart", new { poll_interval = 0.2, initial_delay = 0.3 }));

        AssertCompleted(status, run);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(2.5), $"returned after {clock.Elapsed}");
        Assert.Equal(true, run.Output("restart", "ready"));
        Assert.Equal("RUNNING", run.Output("restart", "state"));
        Assert.Contains(run.Logs, l => l.Contains("down (connection", StringComparison.Ordinal));
        Assert.Contains(run.Logs, l => l.Contains("STARTING", StringComparison.Ordinal));
        Assert.Contains(run.Logs, l => l.Contains("modules still loading", StringComparison.Ordinal));
        var state = await gw.StateAsync();
        Assert.Equal("RUNNING", state.GetProperty("phase").GetString());
        Assert.False(state.GetProperty("modulesLoading").GetBoolean());
        Assert.Equal(1, state.GetProperty("restartCount").GetInt32());
    }

    [Fact]
    public async Task A_fast_restart_that_starts_late_is_not_missed_thanks_to_the_initial_delay()
    {
        await using var gw = await GatewayHarness.StartAsync();
        // the gateway keeps answering RUNNING for 0.8 s after the request, then restarts in 0.3 s
        await gw.SetRestartTimingAsync(delayMs: 800, refuseMs: 0, durationMs: 300, moduleLoadMs: 0);
        var requested = DateTimeOffset.UtcNow;
        var (status, run) = await gw.RunAsync(
            Step("login", "gateway.login", gw.LoginParameters),
            Step("restart", "gateway.restart", new { poll_interval = 0.1, initial_delay = 1.5 }),
            Step("ping", "gateway.ping"));

        AssertCompleted(status, run);
        var state = await gw.StateAsync();
        Assert.True(state.GetProperty("runningSince").GetDateTimeOffset() > requested.AddMilliseconds(700),
            "the step returned before the gateway had actually restarted");
        Assert.Equal("RUNNING", run.Output("ping", "state"));
    }

    [Fact]
    public async Task Even_without_a_floor_a_late_restart_is_recognised_by_the_gateway_uptime()
    {
        await using var gw = await GatewayHarness.StartAsync();
        // still RUNNING for 1.5 s after the request: only the uptime (overview) shows that the restart has not happened yet
        await gw.SetRestartTimingAsync(delayMs: 1500, refuseMs: 0, durationMs: 300, moduleLoadMs: 0);
        var requested = DateTimeOffset.UtcNow;
        var (status, run) = await gw.RunAsync(
            Step("login", "gateway.login", gw.LoginParameters),
            Step("restart", "gateway.restart", new { poll_interval = 0.1, initial_delay = 0 }));

        AssertCompleted(status, run);
        Assert.True((await gw.StateAsync()).GetProperty("runningSince").GetDateTimeOffset() > requested.AddMilliseconds(1400));
        Assert.Contains(run.Logs, l => l.Contains("restart not begun yet", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_second_wait_for_ready_after_a_completed_restart_returns_at_once()
    {
        await using var gw = await GatewayHarness.StartAsync();
        await gw.SetRestartTimingAsync(refuseMs: 100, durationMs: 400, moduleLoadMs: 0);
        var (status, run) = await gw.RunAsync(
            Step("login", "gateway.login", gw.LoginParameters),
            Step("restart", "gateway.restart", new { poll_interval = 0.1 }),
            Step("wait", "gateway.wait_for_ready", new { poll_interval = 0.1 }));

        AssertCompleted(status, run);
        // Without the completed restart on record, the 5 s floor after a restart would apply.
        Assert.True((double)run.Output("wait", "waited_seconds")! < 4.5, "the restart was already seen completed");
    }

    [Fact]
    public async Task Wait_for_ready_times_out_with_the_last_state_seen()
    {
        await using var gw = await GatewayHarness.StartAsync();
        await gw.SetRestartTimingAsync(refuseMs: 200, durationMs: 30_000);
        var (status, run) = await gw.RunAsync(
            Step("login", "gateway.login", gw.LoginParameters),
            Step("restart", "gateway.restart", new { wait_for_ready = false }),
            Step("wait", "gateway.wait_for_ready", new { timeout = 1.5, poll_interval = 0.2 }));

        Assert.Equal(ExecutionStatus.Failed, status);
        Assert.Equal(false, run.Output("restart", "ready"));
        var error = AssertFailedWith(run, "wait", "was not ready after 1.5 s; last state seen: STARTING");
        Assert.Contains(gw.Url, error);
    }

    [Fact]
    public async Task Wait_for_ready_accepts_the_v2_parameter_names()
    {
        await using var gw = await GatewayHarness.StartAsync();
        await gw.SetRestartTimingAsync(refuseMs: 200, durationMs: 30_000);
        var (_, run) = await gw.RunAsync(
            Step("login", "gateway.login", gw.LoginParameters),
            Step("restart", "gateway.restart", new { wait_for_ready = false }),
            Step("wait", "gateway.wait_for_ready", new { url = gw.Url, timeout_seconds = 1, check_interval = 0.2 }));

        AssertFailedWith(run, "wait", "was not ready after 1 s");
    }

    [Fact]
    public async Task Wait_for_ready_after_a_restart_without_waiting_applies_the_automatic_floor()
    {
        await using var gw = await GatewayHarness.StartAsync();
        await gw.SetRestartTimingAsync(delayMs: 1000, refuseMs: 100, durationMs: 400, moduleLoadMs: 300);
        var requested = DateTimeOffset.UtcNow;
        var (status, run) = await gw.RunAsync(
            Step("login", "gateway.login", gw.LoginParameters),
            Step("restart", "gateway.restart", new { wait_for_ready = false }),
            Step("wait", "gateway.wait_for_ready", new { poll_interval = 0.2 }));

        AssertCompleted(status, run);
        Assert.True((await gw.StateAsync()).GetProperty("runningSince").GetDateTimeOffset() > requested.AddMilliseconds(900));
        Assert.True((double)run.Output("wait", "waited_seconds")! >= 4, "the 5 s floor after a restart of this session applies");
    }

    [Fact]
    public async Task A_cookie_session_lost_in_the_restart_is_renewed_with_the_stored_login()
    {
        await using var gw = await GatewayHarness.StartAsync();
        await gw.SetRestartTimingAsync(refuseMs: 200, durationMs: 600, moduleLoadMs: 300);
        var (status, run) = await gw.RunAsync(
            Step("login", "gateway.login", gw.LoginParameters),
            Step("restart", "gateway.restart", new { poll_interval = 0.2, initial_delay = 0.3 }),
            Step("scan", "gateway.scan_projects"),
            Step("health", "gateway.health_check", new { fail_on_unhealthy = true }));

        AssertCompleted(status, run);
        Assert.Contains(run.Logs, l => l.Contains("logged in again as 'admin'", StringComparison.Ordinal));
        Assert.Equal("RUNNING", run.Output("restart", "state")); // modules were checked with the renewed session
        Assert.Equal(1, (await gw.StateAsync()).GetProperty("webSessions").GetInt32());
    }
}
