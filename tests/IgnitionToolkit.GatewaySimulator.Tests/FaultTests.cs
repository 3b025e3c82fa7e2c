using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using IgnitionToolkit.GatewaySimulator.Hosting;
using static IgnitionToolkit.GatewaySimulator.Tests.TestHelpers;

namespace IgnitionToolkit.GatewaySimulator.Tests;

[Trait("Category", "Functional")]
public sealed class FaultTests
{
    private static StringContent Json(object value) => new(JsonSerializer.Serialize(value), Encoding.UTF8, "application/json");

    [Fact]
    public async Task An_error_rate_of_one_answers_500_everywhere_but_the_admin_endpoints()
    {
        await using var sim = await StartAsync(new() { ["Simulator:Faults:ErrorRate"] = "1.0" });
        using var client = sim.CreateClient(SimulatorServer.ReadToken);

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.InternalServerError, (await client.GetAsync("StatusPing")).StatusCode);
            Assert.Equal(HttpStatusCode.InternalServerError, (await client.GetAsync("data/api/v1/gateway-info")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("__simulator/state")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("health")).StatusCode);

        (await client.DeleteAsync("__simulator/faults")).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("data/api/v1/gateway-info")).StatusCode);
    }

    [Fact]
    public async Task Latency_delays_answers()
    {
        await using var sim = await StartAsync();
        using var client = sim.CreateClient();
        (await client.PostAsync("__simulator/faults", Json(new { latencyMs = 400 }))).EnsureSuccessStatusCode();

        var clock = Stopwatch.StartNew();
        Assert.Equal("RUNNING", await PingAsync(client));
        Assert.True(clock.ElapsedMilliseconds >= 380, $"answered after {clock.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task Dropped_connections_and_a_path_prefix_limit_the_fault_to_the_api()
    {
        await using var sim = await StartAsync();
        using var client = sim.CreateClient(SimulatorServer.ReadToken);
        (await client.PostAsync("__simulator/faults", Json(new { dropRate = 1.0, pathPrefix = "/data/api/v1" }))).EnsureSuccessStatusCode();

        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync("data/api/v1/gateway-info"));
        Assert.Equal("RUNNING", await PingAsync(client));
    }

    [Fact]
    public async Task A_slow_restart_stays_STARTING_longer_and_reset_restores_everything()
    {
        await using var sim = await StartAsync(FastRestart(refuseMs: 0, durationMs: 200));
        using var client = sim.CreateClient(SimulatorServer.WriteToken);
        (await client.PostAsync("__simulator/faults", Json(new { slowRestartMs = 1200 }))).EnsureSuccessStatusCode();

        var clock = Stopwatch.StartNew();
        (await client.PostAsync("data/api/v1/restart-tasks/restart?confirm=true", null)).EnsureSuccessStatusCode();
        await WaitThroughRestartAsync(client, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(120));
        Assert.True(clock.ElapsedMilliseconds >= 1300, $"restart took only {clock.ElapsedMilliseconds} ms");

        (await client.DeleteAsync("__simulator/projects/Demo_HMI")).EnsureSuccessStatusCode();
        (await client.PostAsync("__simulator/reset", null)).EnsureSuccessStatusCode();
        var state = await GetJsonAsync(client, "__simulator/state");
        Assert.Equal(0, state.GetProperty("faults").GetProperty("slowRestartMs").GetInt32());
        Assert.Equal(0, state.GetProperty("restartCount").GetInt32());
        Assert.Contains("Demo_HMI", await ProjectNamesAsync(client));
    }

    [Fact]
    public async Task Invalid_fault_settings_are_refused()
    {
        await using var sim = await StartAsync();
        using var client = sim.CreateClient();

        using var response = await client.PostAsync("__simulator/faults", Json(new { errorRate = 2.0 }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
