using System.Net;
using System.Text.Json;
using IgnitionToolkit.GatewaySimulator.Hosting;
using IgnitionToolkit.Testing;
using static IgnitionToolkit.GatewaySimulator.Tests.TestHelpers;

namespace IgnitionToolkit.GatewaySimulator.Tests;

[Trait("Category", "Functional")]
public sealed class RestartTests
{
    [Fact]
    public async Task Restart_needs_confirm()
    {
        await using var sim = await StartAsync();
        using var client = sim.CreateClient(SimulatorServer.WriteToken);

        using var response = await client.PostAsync("data/api/v1/restart-tasks/restart", null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("RUNNING", await PingAsync(client));
    }

    [Fact]
    public async Task A_restart_refuses_connections_then_answers_STARTING_then_RUNNING_with_modules_loading()
    {
        // Each phase is held until the test has seen it: the order is checked, never a timing window.
        await using var sim = await StartAsync(FastRestart(refuseMs: 1000, durationMs: 2500, moduleLoadMs: 2000));
        using var client = sim.CreateClient(SimulatorServer.WriteToken);
        await HoldAsync(client, "REFUSING");

        using var restart = await client.PostAsync("data/api/v1/restart-tasks/restart?confirm=true", null);
        Assert.Equal(HttpStatusCode.OK, restart.StatusCode);
        Assert.Equal("true", await restart.Content.ReadAsStringAsync());

        var seen = new List<string>();
        await WaitForPingAsync(client, "REFUSED", seen);
        await HoldAsync(client, "STARTING");
        await WaitForPingAsync(client, "STARTING", seen);
        await HoldAsync(client, "MODULES_LOADING");
        await WaitForPingAsync(client, "RUNNING", seen);
        Assert.Equal(new[] { "REFUSED", "STARTING", "RUNNING" }, seen);

        var modules = await GetJsonAsync(client, "data/api/v1/modules/healthy");
        Assert.All(modules.GetProperty("items").EnumerateArray(), m => Assert.Equal("LOADING", m.GetProperty("state").GetString()));
        await HoldAsync(client, null);
        await Wait.UntilAsync(async () =>
        {
            var json = await GetJsonAsync(client, "data/api/v1/modules/healthy");
            return json.GetProperty("items").EnumerateArray().All(m => m.GetProperty("state").GetString() == "RUNNING");
        }, TimeSpan.FromSeconds(60), "modules RUNNING");
    }

    [Fact]
    public async Task While_STARTING_the_api_answers_503_and_gwinfo_reports_STARTING()
    {
        await using var sim = await StartAsync(FastRestart(refuseMs: 0, durationMs: 3000));
        using var client = sim.CreateClient(SimulatorServer.WriteToken);
        await HoldAsync(client, "STARTING");

        (await client.PostAsync("data/api/v1/restart-tasks/restart?confirm=true", null)).EnsureSuccessStatusCode();

        Assert.Equal("STARTING", await PingAsync(client));
        using (var info = await client.GetAsync("data/api/v1/gateway-info"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, info.StatusCode);
        }
        Assert.Contains("ContextStatus=STARTING", await client.GetStringAsync("system/gwinfo"));
        await HoldAsync(client, null);
        await WaitForPingAsync(client, "RUNNING", []);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("data/api/v1/gateway-info")).StatusCode);
    }

    [Fact]
    public async Task A_held_phase_lasts_until_released_then_the_next_phase_gets_its_full_duration()
    {
        await using var sim = await StartAsync(FastRestart(refuseMs: 0, durationMs: 500));
        using var client = sim.CreateClient(SimulatorServer.WriteToken);
        await HoldAsync(client, "STARTING");
        (await client.PostAsync("__simulator/restart", null)).EnsureSuccessStatusCode();

        var state = await GetJsonAsync(client, "__simulator/state");
        Assert.Equal("STARTING", state.GetProperty("phase").GetString());
        Assert.Equal("STARTING", state.GetProperty("restartHold").GetString());
        using (var bad = await client.PostAsync("__simulator/restart-hold", JsonContent(new { phase = "SLEEPING" })))
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        await HoldAsync(client, null);
        await WaitForPingAsync(client, "RUNNING", []);
    }

    [Fact]
    public async Task Uptime_restarts_and_the_restart_is_logged()
    {
        await using var sim = await StartAsync(FastRestart(refuseMs: 100, durationMs: 600));
        using var client = sim.CreateClient(SimulatorServer.WriteToken);
        var before = (await GetJsonAsync(client, "data/api/v1/overview")).GetProperty("uptime").GetInt64();

        (await client.PostAsync("data/api/v1/restart-tasks/restart?confirm=true", null)).EnsureSuccessStatusCode();
        await WaitThroughRestartAsync(client, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(120));

        var after = (await GetJsonAsync(client, "data/api/v1/overview")).GetProperty("uptime").GetInt64();
        Assert.True(after > before, "uptime origin moves forward after a restart");
        var logs = await GetJsonAsync(client, "data/api/v1/logs?search=restart");
        Assert.NotEqual(0, logs.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task The_admin_endpoint_changes_restart_timing()
    {
        await using var sim = await StartAsync(FastRestart());
        using var client = sim.CreateClient(SimulatorServer.WriteToken);

        using var timing = await client.PostAsync("__simulator/restart-timing",
            JsonContent(new { refuseConnectionsMs = 0, durationMs = 2000 }));
        timing.EnsureSuccessStatusCode();
        var settings = (await GetJsonAsync(client, "__simulator/state")).GetProperty("restartTiming");
        Assert.Equal(2000, settings.GetProperty("durationMs").GetInt32());
        await HoldAsync(client, "STARTING");
        (await client.PostAsync("data/api/v1/restart-tasks/restart?confirm=true", null)).EnsureSuccessStatusCode();

        Assert.Equal("STARTING", await PingAsync(client)); // no refusing phase with refuseConnectionsMs = 0
        var state = await GetJsonAsync(client, "__simulator/state");
        Assert.Equal("STARTING", state.GetProperty("phase").GetString());
        await HoldAsync(client, null);
        await WaitForPingAsync(client, "RUNNING", []);
    }

    /// <summary>Keeps a restart in <paramref name="phase"/> (null: no hold) through the simulator's test hook.</summary>
    private static async Task HoldAsync(HttpClient client, string? phase)
    {
        using var response = await client.PostAsync("__simulator/restart-hold", JsonContent(new { phase }));
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Polls StatusPing until it answers <paramref name="expected"/>, adding each new answer to <paramref name="seen"/>.</summary>
    private static Task WaitForPingAsync(HttpClient client, string expected, List<string> seen) =>
        Wait.UntilAsync(async () =>
        {
            var state = await PingAsync(client);
            if (seen.Count == 0 || seen[^1] != state) seen.Add(state);
            return state == expected;
        }, Wait.DefaultTimeout, $"StatusPing to answer {expected}", () => string.Join(" → ", seen), TimeSpan.FromMilliseconds(50));

    private static StringContent JsonContent(object value) =>
        new(JsonSerializer.Serialize(value), System.Text.Encoding.UTF8, "application/json");
}
