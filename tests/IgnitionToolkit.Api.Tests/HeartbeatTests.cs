using IgnitionToolkit.Api.Persistence;
using IgnitionToolkit.Api.Tests.Infrastructure;
using IgnitionToolkit.Contracts.Events;
using IgnitionToolkit.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace IgnitionToolkit.Api.Tests;

/// <summary>An API whose clock only moves when the test moves it, with a heartbeat timeout of 8 seconds of that clock:
/// whether an execution is judged silent depends on the heartbeats the test sent, never on how fast the machine delivers them.</summary>
[Trait("Category", "Functional")]
public sealed class ManualClockApiFixture : ApiFixture
{
    /// <summary>Starts at a whole second, as the database keeps times to the millisecond.</summary>
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));

    protected override string HeartbeatTimeoutSeconds => "8";

    protected override FakeTimeProvider ManualClock => Clock;

    protected override void ConfigureApi(IWebHostBuilder builder) =>
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));

    /// <summary>When the API recorded the last heartbeat of <paramref name="id"/> (null before the first).</summary>
    public async Task<DateTimeOffset?> LastHeartbeatAsync(Guid id)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ToolkitDbContext>();
        return await db.Executions.AsNoTracking().Where(e => e.Id == id).Select(e => e.LastHeartbeatAt).SingleAsync();
    }
}

[Trait("Category", "Functional")]
public sealed class HeartbeatTests(ManualClockApiFixture api) : IClassFixture<ManualClockApiFixture>
{
    [Fact]
    public async Task Execution_without_heartbeats_is_interrupted_with_the_runner_named()
    {
        api.WritePlaybook("hb/hello.yaml", SamplePlaybooks.Hello());
        var alive = await api.StartAsync("hb/hello.yaml");
        var silent = await api.StartAsync("hb/hello.yaml");
        foreach (var id in new[] { alive, silent })
        {
            var started = api.Runner.Event(id, 1, Events.ExecutionStarted("Hello", 2) with { Timestamp = api.Clock.GetUtcNow() });
            await api.Runner.PublishAsync(started);
            await api.WaitForStatusAsync(id, "running");
        }

        // Each second of the API's clock, the alive execution's heartbeat is recorded before the clock moves on, so
        // it is never more than a second silent; the silent one passes the 8 s timeout after a few checks (one per 2.7 s).
        for (var second = 0; second < 600 && await StatusAsync(silent) != "interrupted"; second++)
        {
            await RecordHeartbeatAsync(alive);
            api.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var interrupted = await api.WaitForStatusAsync(silent, "interrupted");
        Assert.Equal("runner fake-runner stopped sending heartbeats", interrupted["execution"]!["reason"]!.GetValue<string>());
        Assert.NotNull(interrupted["execution"]!["finished_at"]);
        Assert.Equal("running", await StatusAsync(alive));

        // Once its heartbeats stop too, the other one follows.
        for (var second = 0; second < 600 && await StatusAsync(alive) != "interrupted"; second++)
            api.Clock.Advance(TimeSpan.FromSeconds(1));
        await api.WaitForStatusAsync(alive, "interrupted");
    }

    /// <summary>Sends a heartbeat of <paramref name="id"/> and waits until the API recorded it at the current time of its
    /// clock, sending it again now and then (a busy API may fail to record one and let the broker drop it).</summary>
    private async Task RecordHeartbeatAsync(Guid id)
    {
        var now = api.Clock.GetUtcNow();
        var sent = System.Diagnostics.Stopwatch.StartNew();
        await api.Runner.HeartbeatAsync(id);
        DateTimeOffset? seen = null;
        string? status = null;
        await Wait.UntilAsync(async () =>
        {
            if (sent.Elapsed > TimeSpan.FromSeconds(10))
            {
                await api.Runner.HeartbeatAsync(id);
                sent.Restart();
            }
            seen = await api.LastHeartbeatAsync(id);
            if (seen >= now) return true;
            status = await StatusAsync(id);
            return false;
        }, Wait.ServiceStart, $"the heartbeat of {id} at {now:O} to be recorded", () => $"last recorded {seen:O}, status {status}");
    }

    private async Task<string?> StatusAsync(Guid id) => (await api.GetExecutionAsync(id))["execution"]?["status"]?.GetValue<string>();
}
