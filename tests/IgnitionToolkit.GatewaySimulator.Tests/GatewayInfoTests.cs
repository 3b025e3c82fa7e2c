using System.Net;
using System.Text.Json;
using IgnitionToolkit.GatewaySimulator.Hosting;
using IgnitionToolkit.Testing;
using static IgnitionToolkit.GatewaySimulator.Tests.TestHelpers;

namespace IgnitionToolkit.GatewaySimulator.Tests;

[Trait("Category", "Functional")]
public sealed class GatewayInfoTests
{
    [Fact]
    public async Task Gateway_info_and_overview_have_the_documented_fields()
    {
        await using var sim = await StartAsync();
        using var client = sim.CreateClient(SimulatorServer.ReadToken);

        var info = await GetJsonAsync(client, "data/api/v1/gateway-info");
        foreach (var field in new[] { "name", "redundancyRole", "redundantPeerAddress", "edition", "hostname", "port", "ignitionVersion",
                     "deploymentMode", "timeZone", "timeZoneId", "jvmVersion", "allowUnsignedModules", "license" })
        {
            Assert.True(info.TryGetProperty(field, out _), $"gateway-info lacks '{field}'");
        }
        Assert.Equal("8.3.8 (b2026071409)", info.GetProperty("ignitionVersion").GetString());
        Assert.Equal(JsonValueKind.Array, info.GetProperty("license").GetProperty("licenseRestrictions").ValueKind);

        var overview = await GetJsonAsync(client, "data/api/v1/overview");
        Assert.True(overview.GetProperty("uptime").GetInt64() > 0);
        Assert.InRange(overview.GetProperty("cpu").GetDouble(), 0, 1);
        Assert.Equal("Ignition-Simulator", overview.GetProperty("gatewayName").GetString());
        Assert.True(overview.GetProperty("license").TryGetProperty("trialRemaining", out _));
    }

    [Fact]
    public async Task Trial_counts_down_and_post_resets_it()
    {
        await using var sim = await StartAsync(new() { ["Simulator:TrialSeconds"] = "1" });
        using var client = sim.CreateClient(SimulatorServer.WriteToken);

        await Wait.UntilAsync(async () => (await GetJsonAsync(client, "data/api/v1/trial")).GetProperty("expired").GetBoolean(),
            TimeSpan.FromSeconds(5), "the trial to expire");
        using var reset = await client.PostAsync("data/api/v1/trial", null);
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        var trial = await GetJsonAsync(client, "data/api/v1/trial");
        Assert.False(trial.GetProperty("expired").GetBoolean());
        Assert.Equal(1, trial.GetProperty("trialSecondsLeft").GetInt32());
    }

    [Fact]
    public async Task Logs_list_recent_events()
    {
        await using var sim = await StartAsync();
        using var client = sim.CreateClient(SimulatorServer.WriteToken);
        (await client.PostAsync("data/api/v1/scan/projects", null)).EnsureSuccessStatusCode();

        var logs = await GetJsonAsync(client, "data/api/v1/logs");
        var first = logs.GetProperty("items")[0];
        Assert.Contains("scan", first.GetProperty("message").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.True(first.TryGetProperty("level", out _));
        Assert.True(first.TryGetProperty("timestamp", out _));
    }
}
