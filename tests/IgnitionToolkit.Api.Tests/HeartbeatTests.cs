using IgnitionToolkit.Api.Tests.Infrastructure;
using IgnitionToolkit.Contracts.Events;

namespace IgnitionToolkit.Api.Tests;

/// <summary>An API whose heartbeat timeout is 8 seconds: short for the test, long against a stall of the heartbeat loop on a loaded machine.</summary>
[Trait("Category", "Functional")]
public sealed class ShortHeartbeatApiFixture : ApiFixture
{
    protected override string HeartbeatTimeoutSeconds => "8";
}

[Trait("Category", "Functional")]
public sealed class HeartbeatTests(ShortHeartbeatApiFixture api) : IClassFixture<ShortHeartbeatApiFixture>
{
    [Fact]
    public async Task Execution_without_heartbeats_is_interrupted_with_the_runner_named()
    {
        api.WritePlaybook("hb/hello.yaml", SamplePlaybooks.Hello());
        var alive = await api.StartAsync("hb/hello.yaml");
        var silent = await api.StartAsync("hb/hello.yaml");
        foreach (var id in new[] { alive, silent })
        {
            await api.Runner.PublishAsync(api.Runner.Event(id, 1, Events.ExecutionStarted("Hello", 2)));
            await api.WaitForStatusAsync(id, "running");
        }

        using var stopHeartbeats = new CancellationTokenSource();
        var heartbeats = Task.Run(async () =>
        {
            while (!stopHeartbeats.IsCancellationRequested)
            {
                await api.Runner.HeartbeatAsync(alive);
                await Task.Delay(300, CancellationToken.None);
            }
        });

        var interrupted = await api.WaitForStatusAsync(silent, "interrupted", TimeSpan.FromSeconds(90));
        Assert.Equal("runner fake-runner stopped sending heartbeats", interrupted["execution"]!["reason"]!.GetValue<string>());
        Assert.NotNull(interrupted["execution"]!["finished_at"]);
        var stillRunning = await api.GetExecutionAsync(alive);
        Assert.Equal("running", stillRunning["execution"]!["status"]!.GetValue<string>());

        await stopHeartbeats.CancelAsync();
        await heartbeats;
        await api.WaitForStatusAsync(alive, "interrupted", TimeSpan.FromSeconds(90));
    }
}
