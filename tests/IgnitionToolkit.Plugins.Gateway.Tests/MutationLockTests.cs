using IgnitionToolkit.Core.Execution;
using IgnitionToolkit.GatewaySimulator.Hosting;
using IgnitionToolkit.Plugins.Gateway.Sessions;
using IgnitionToolkit.Plugins.Gateway.Tests.Infrastructure;
using IgnitionToolkit.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using static IgnitionToolkit.Plugins.Gateway.Tests.Infrastructure.Assertions;
using static IgnitionToolkit.Testing.Engine.Playbooks;

namespace IgnitionToolkit.Plugins.Gateway.Tests;

[Trait("Category", "Functional")]
public sealed class MutationLockTests
{
    [Fact]
    public async Task Two_executions_restarting_the_same_gateway_run_one_after_the_other()
    {
        await using var gw = await GatewayHarness.StartAsync();
        await gw.SetRestartTimingAsync(refuseMs: 300, durationMs: 1200, moduleLoadMs: 200);
        // Both executions log in before either restarts (a login during the other's restart would meet a STARTING
        // gateway instead of the lock): a python step holds each after its login until the test releases them.
        var release = Path.Combine(Path.GetTempPath(), $"itk-lock-{Guid.NewGuid():N}.release");
        var playbook = Of(
            Step("login", "gateway.login", new { url = gw.Url, api_token = SimulatorServer.WriteToken }),
            Step("logged_in", "utility.python", new
            {
                script = $"import os, time\nwhile not os.path.exists(r\"{release}\"):\n    time.sleep(0.05)\n",
            }),
            Step("restart", "gateway.restart", new { poll_interval = 0.1, initial_delay = 0.2 }));

        // The first restart stays in STARTING until the other execution has been seen waiting for the lock:
        // on a machine of any speed they overlap.
        await gw.SetRestartHoldAsync("STARTING");
        var first = gw.Start(playbook);
        var second = gw.Start(playbook);
        try
        {
            bool LoggedIn(Testing.Engine.RecordingRun run) => run.Finished.Any(f => f.StepPath == "login");
            Assert.True(await Wait.HoldsAsync(() => LoggedIn(first) && LoggedIn(second), Wait.ServiceStart),
                "both executions log in first: " + string.Join(" | ", first.Finished.Concat(second.Finished).Where(f => f.Error is not null).Select(f => $"{f.StepPath}: {f.Error}")));
            await File.WriteAllTextAsync(release, "go");
            bool Waiting() => first.Logs.Concat(second.Logs).Any(l => l.StartsWith("waiting for another execution's restart on", StringComparison.Ordinal));
            Assert.True(await Wait.HoldsAsync(Waiting, Wait.ServiceStart),
                "neither execution waited for the other's restart: " + string.Join(" | ", first.Logs.Concat(second.Logs)));
        }
        finally
        {
            await File.WriteAllTextAsync(release, "go"); // never leave a python step waiting
        }
        await gw.SetRestartHoldAsync(null);
        var statuses = await Task.WhenAll(first.CompletionAsync(), second.CompletionAsync());

        AssertCompleted(statuses[0], first);
        AssertCompleted(statuses[1], second);
        Assert.Equal(2, (await gw.StateAsync()).GetProperty("restartCount").GetInt32());
        var waited = first.Logs.Concat(second.Logs).Where(l => l.StartsWith("waiting for another execution's restart on", StringComparison.Ordinal)).ToList();
        Assert.Single(waited);
        Assert.Contains(gw.Url, waited[0]);
        File.Delete(release);
    }

    [Fact]
    public async Task The_lock_is_per_gateway_and_released_after_use()
    {
        var gate = new GatewayMutationLock();
        var a = await gate.AcquireAsync("http://a:8088", "restart", NullLogger.Instance, CancellationToken.None);
        var b = await gate.AcquireAsync("http://B:8088/", "restore", NullLogger.Instance, CancellationToken.None); // other gateway: no wait

        var waiting = gate.AcquireAsync("http://A:8088/", "import", NullLogger.Instance, CancellationToken.None);
        await Task.Delay(50);
        Assert.False(waiting.IsCompleted);
        await a.DisposeAsync();
        await using (await waiting.WaitAsync(TimeSpan.FromSeconds(120))) { }
        await b.DisposeAsync();
    }

    [Fact]
    public async Task A_cancelled_waiter_gives_up_without_taking_the_lock()
    {
        var gate = new GatewayMutationLock();
        await using var held = await gate.AcquireAsync("http://a:8088", "restart", NullLogger.Instance, CancellationToken.None);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => gate.AcquireAsync("http://a:8088", "restore", NullLogger.Instance, cts.Token));
    }
}
