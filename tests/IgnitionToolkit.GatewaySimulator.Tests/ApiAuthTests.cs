using System.Net;
using System.Net.Http.Headers;
using System.Text;
using IgnitionToolkit.GatewaySimulator.Hosting;
using static IgnitionToolkit.GatewaySimulator.Tests.TestHelpers;

namespace IgnitionToolkit.GatewaySimulator.Tests;

[Trait("Category", "Functional")]
public sealed class ApiAuthTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("toolkit-secret")]
    [InlineData("nobody:toolkit-secret")]
    [InlineData("toolkit:wrong")]
    [InlineData(":toolkit-secret")]
    public async Task Missing_or_wrong_tokens_get_401(string? token)
    {
        await using var sim = await StartAsync();
        using var client = sim.CreateClient(token);

        using var response = await client.GetAsync("data/api/v1/gateway-info");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Basic_auth_is_rejected_under_data()
    {
        await using var sim = await StartAsync();
        using var client = sim.CreateClient();
        client.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("admin:password")));

        using var response = await client.GetAsync("data/api/v1/gateway-info");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_read_only_key_reads_but_gets_a_bare_403_on_writes()
    {
        await using var sim = await StartAsync();
        using var reader = sim.CreateClient(SimulatorServer.ReadToken);

        using var read = await reader.GetAsync("data/api/v1/gateway-info");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);

        foreach (var path in new[] { "data/api/v1/restart-tasks/restart?confirm=true", "data/api/v1/scan/projects", "data/api/v1/trial" })
        {
            using var write = await reader.PostAsync(path, null);
            Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
            Assert.Empty(await write.Content.ReadAsByteArrayAsync());
        }
        Assert.Equal("RUNNING", await PingAsync(reader));
    }

    [Fact]
    public async Task A_write_key_may_write()
    {
        await using var sim = await StartAsync();
        using var writer = sim.CreateClient(SimulatorServer.WriteToken);

        using var scan = await writer.PostAsync("data/api/v1/scan/projects", null);

        Assert.Equal(HttpStatusCode.OK, scan.StatusCode);
    }

    [Fact]
    public async Task Unauthenticated_probes_stay_open_while_the_api_is_closed()
    {
        await using var sim = await StartAsync();
        using var client = sim.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("StatusPing")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("data/api/v1/projects/list")).StatusCode);
    }
}
