using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IgnitionToolkit.GatewaySimulator.Hosting;
using static IgnitionToolkit.GatewaySimulator.Tests.TestHelpers;

namespace IgnitionToolkit.GatewaySimulator.Tests;

[Trait("Category", "Functional")]
public sealed class ProbeTests
{
    [Fact]
    public async Task StatusPing_gwinfo_and_perspective_projects_answer_without_authentication()
    {
        await using var sim = await StartAsync();
        using var client = sim.CreateClient();

        Assert.Equal("RUNNING", await PingAsync(client));

        using var gwinfo = await client.GetAsync("system/gwinfo");
        Assert.Equal("text/plain", gwinfo.Content.Headers.ContentType?.MediaType);
        var pairs = (await gwinfo.Content.ReadAsStringAsync()).Split(';').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        Assert.Equal("RUNNING", pairs["ContextStatus"]);
        Assert.Equal("8.3.8", pairs["Version"]);
        Assert.Equal("Ignition-Simulator", pairs["PlatformName"]);
        Assert.Equal("Independent", pairs["RedundancyStatus"]);

        var projects = await client.GetFromJsonAsync<JsonElement>("data/perspective/projects");
        Assert.Contains("SCADA_Main", projects.EnumerateArray().Select(p => p.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task An_uncommissioned_gateway_reports_COMMISSIONING_until_the_finished_step()
    {
        await using var sim = await StartAsync(new() { ["Simulator:Commissioned"] = "false" });
        using var client = sim.CreateClient();

        var ping = await client.GetFromJsonAsync<JsonElement>("StatusPing");
        Assert.Equal("RUNNING", ping.GetProperty("state").GetString());
        Assert.Equal("COMMISSIONING", ping.GetProperty("details").GetString());
        Assert.Contains("ContextStatus=NEEDS_COMMISSIONING", await client.GetStringAsync("system/gwinfo"));

        using var eula = await client.PostAsJsonAsync("post-step", new { id = "license", step = "eula", data = new { accept = true } });
        Assert.Equal(HttpStatusCode.Created, eula.StatusCode);
        using var finished = await client.PostAsJsonAsync("post-step", new { id = "finished", data = new { startGateway = true } });
        Assert.Equal(HttpStatusCode.OK, finished.StatusCode);

        ping = await client.GetFromJsonAsync<JsonElement>("StatusPing");
        Assert.False(ping.TryGetProperty("details", out _));
        Assert.Contains("ContextStatus=RUNNING", await client.GetStringAsync("system/gwinfo"));
    }

    [Fact]
    public async Task Seed_configuration_sets_name_version_and_projects()
    {
        await using var sim = await StartAsync(new()
        {
            ["Simulator:GatewayName"] = "Plant-7",
            ["Simulator:Version"] = "8.3.6 (b2025010101)",
            ["Simulator:Projects:0:Name"] = "Only",
        });
        using var client = sim.CreateClient(SimulatorServer.ReadToken);

        var info = await GetJsonAsync(client, "data/api/v1/gateway-info");
        Assert.Equal("Plant-7", info.GetProperty("name").GetString());
        Assert.Equal("8.3.6 (b2025010101)", info.GetProperty("ignitionVersion").GetString());
        Assert.Equal(new[] { "Only" }, await ProjectNamesAsync(client));
    }
}
