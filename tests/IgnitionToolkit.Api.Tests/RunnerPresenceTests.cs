using System.Net;
using IgnitionToolkit.Api.Tests.Infrastructure;
using IgnitionToolkit.Testing;
using Microsoft.AspNetCore.Hosting;

namespace IgnitionToolkit.Api.Tests;

/// <summary>An API that forgets Runners silent for 2 seconds.</summary>
[Trait("Category", "Functional")]
public sealed class ShortPresenceApiFixture : ApiFixture
{
    protected override void ConfigureApi(IWebHostBuilder builder) => builder.UseSetting("Toolkit:Runners:StaleAfter", "00:00:08");
}

/// <summary>The <c>runners</c> health component and <c>GET /api/v1/runners</c>, fed by Runner heartbeats.</summary>
[Trait("Category", "Functional")]
public sealed class RunnerPresenceTests(ShortPresenceApiFixture api) : IClassFixture<ShortPresenceApiFixture>
{
    [Fact]
    public async Task Runners_health_follows_the_presence_heartbeats_without_changing_the_api_status()
    {
        var before = await api.Client.GetJsonAsync("/health");
        Assert.Equal("Unhealthy", before["components"]!["runners"]!["status"]!.GetValue<string>());
        Assert.Contains("no Runner has reported", before["components"]!["runners"]!["description"]!.GetValue<string>());
        Assert.Equal("Healthy", before["status"]!.GetValue<string>());
        Assert.Empty((await api.Client.GetJsonAsync("/api/v1/runners")).AsArray());

        // Idle presence (no execution listed), sent until the test has seen the Runner live: a slow machine cannot
        // let it go stale between the heartbeat and the check.
        using var present = new CancellationTokenSource();
        var presence = Task.Run(async () =>
        {
            while (!present.IsCancellationRequested)
            {
                await api.Runner.HeartbeatAsync();
                try { await Task.Delay(500, present.Token); } catch (OperationCanceledException) { }
            }
        });
        var healthy = await Wait.ForAsync(async () => await api.Client.GetJsonAsync("/health"),
            h => h?["components"]?["runners"]?["status"]?.GetValue<string>() == "Healthy", "runners healthy");
        Assert.Contains(api.Runner.RunnerId, healthy["components"]!["runners"]!["description"]!.GetValue<string>());
        var runner = Assert.Single((await api.Client.GetJsonAsync("/api/v1/runners")).AsArray())!;
        Assert.Equal(api.Runner.RunnerId, runner["id"]!.GetValue<string>());
        Assert.True(runner["live"]!.GetValue<bool>());
        Assert.Equal(0, runner["running"]!.GetValue<int>());
        await present.CancelAsync();
        await presence;

        var stale = await Wait.ForAsync(async () => await api.Client.GetJsonAsync("/health"),
            h => h?["components"]?["runners"]?["status"]?.GetValue<string>() == "Unhealthy", "runners unhealthy once silent", TimeSpan.FromSeconds(90));
        Assert.Contains($"last was {api.Runner.RunnerId}", stale["components"]!["runners"]!["description"]!.GetValue<string>());
        using var response = await api.Client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False((await api.Client.GetJsonAsync("/api/v1/runners")).AsArray()[0]!["live"]!.GetValue<bool>());
    }
}
