using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IgnitionToolkit.GatewaySimulator.Hosting;
using static IgnitionToolkit.GatewaySimulator.Tests.TestHelpers;

namespace IgnitionToolkit.GatewaySimulator.Tests;

[Trait("Category", "Functional")]
public sealed class ModuleTests
{
    private static readonly byte[] Module = Zip(("module.xml",
        "<modules><module><id>com.acme.widgets</id><name>Acme Widgets</name><version>1.2.3</version></module></modules>"));

    [Fact]
    public async Task Upload_certificate_eula_install_then_restart_makes_the_module_healthy()
    {
        await using var sim = await StartAsync(FastRestart(refuseMs: 100, durationMs: 600, moduleLoadMs: 300));
        using var client = sim.CreateClient(SimulatorServer.WriteToken);

        using var upload = await client.PostAsync("data/api/v1/modules/upload?fileName=Acme-Widgets.modl",
            Binary(Module, "application/octet-stream"));
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        var moduleId = (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("moduleId").GetString();
        Assert.Equal("com.acme.widgets", moduleId);
        Assert.Contains(moduleId, await IdsAsync(client, "quarantined"));

        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync($"data/api/v1/modules/install?moduleId={moduleId}", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"data/api/v1/modules/certificate?moduleId={moduleId}", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsync($"data/api/v1/modules/certificate?moduleId={moduleId}", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"data/api/v1/modules/eula?moduleId={moduleId}", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsync($"data/api/v1/modules/eula?moduleId={moduleId}", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"data/api/v1/modules/install?moduleId={moduleId}", null)).StatusCode);

        var pending = await GetJsonAsync(client, "data/api/v1/restart-tasks/pending");
        Assert.Contains($"Module Installed: {moduleId}", pending.GetProperty("pending").EnumerateArray().Select(p => p.GetString()));
        Assert.DoesNotContain(moduleId, await IdsAsync(client, "healthy"));

        (await client.PostAsync("data/api/v1/restart-tasks/restart?confirm=true", null)).EnsureSuccessStatusCode();
        await WaitThroughRestartAsync(client, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(120));

        Assert.Contains(moduleId, await IdsAsync(client, "healthy"));
        Assert.DoesNotContain(moduleId, await IdsAsync(client, "quarantined"));
        Assert.Equal(0, (await GetJsonAsync(client, "data/api/v1/restart-tasks/pending")).GetProperty("pending").GetArrayLength());
    }

    [Fact]
    public async Task Bad_module_requests_are_rejected()
    {
        await using var sim = await StartAsync();
        using var client = sim.CreateClient(SimulatorServer.WriteToken);

        Assert.Equal(HttpStatusCode.BadRequest,
            (await client.PostAsync("data/api/v1/modules/upload?fileName=x.modl", Binary([], "application/octet-stream"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest,
            (await client.PostAsync("data/api/v1/modules/upload", Binary(Module, "application/octet-stream"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync("data/api/v1/modules/eula?moduleId=com.none", null)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("data/api/v1/modules/install", null)).StatusCode);
    }

    private static async Task<List<string?>> IdsAsync(HttpClient client, string list)
    {
        var json = await GetJsonAsync(client, $"data/api/v1/modules/{list}");
        return [.. json.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("id").GetString())];
    }
}
