using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using IgnitionToolkit.Core.Configuration;
using IgnitionToolkit.Core.Execution;
using IgnitionToolkit.GatewaySimulator.Hosting;
using IgnitionToolkit.Plugins.Gateway.Sessions;
using IgnitionToolkit.Testing;
using IgnitionToolkit.Testing.Engine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static IgnitionToolkit.Plugins.Gateway.Tests.Infrastructure.Assertions;
using static IgnitionToolkit.Testing.Engine.Playbooks;
using IgnitionToolkit.Contracts.Events;

namespace IgnitionToolkit.Plugins.Gateway.Tests;

/// <summary>
/// The per-gateway lock across Runner processes: each "Runner" here has its own service provider and its own
/// <see cref="GatewayMutationLock"/> over one shared data folder, so they only meet through the OS file lock
/// (a lock is per handle, so two handles in one process contend exactly as two processes do). One test uses a real
/// second process (util-linux <c>flock</c>) that is killed while it holds the lock.
/// </summary>
[Trait("Category", "Functional")]
public sealed class CrossProcessLockTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "glock-tests-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_data)) Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task Two_runners_sharing_the_data_folder_restart_the_same_gateway_one_after_the_other()
    {
        await using var sim = await SimulatorServer.StartAsync();
        using (var admin = sim.CreateClient())
        {
            (await admin.PostAsJsonAsync("__simulator/restart-timing",
                new { delayMs = 0, refuseConnectionsMs = 300, durationMs = 1200, moduleLoadMs = 200 })).EnsureSuccessStatusCode();
        }
        await using var runnerA = Runner();
        await using var runnerB = Runner();
        var lockA = runnerA.GetRequiredService<GatewayMutationLock>();
        Assert.NotSame(lockA, runnerB.GetRequiredService<GatewayMutationLock>());
        Assert.Equal(Path.Combine(_data, "locks"), lockA.LockDirectory);

        var url = sim.BaseAddress.ToString().TrimEnd('/');
        var playbook = Of(
            // a login is no mutation: it may meet the other runner's restart (connections refused), so it retries
            // as a playbook would, until the gateway answers again, however the two runners interleave
            Step("login", "gateway.login", new { url, api_token = SimulatorServer.WriteToken }, retryCount: 50, retryDelaySeconds: 0.2),
            Step("restart", "gateway.restart", new { poll_interval = 0.1, initial_delay = 0.2 }));
        var first = new EngineHarness(runnerA).Start(playbook);
        var second = new EngineHarness(runnerB).Start(playbook);
        var statuses = await Task.WhenAll(first.CompletionAsync(), second.CompletionAsync());

        AssertCompleted(statuses[0], first);
        AssertCompleted(statuses[1], second);
        using (var admin = sim.CreateClient())
            Assert.Equal(2, (await admin.GetFromJsonAsync<JsonElement>("__simulator/state")).GetProperty("restartCount").GetInt32());
        Assert.True(File.Exists(lockA.LockFileFor(url)));

        var (waiter, holder) = first.Logs.Any(IsWaiting) ? (first, second) : (second, first);
        Assert.Single(waiter.Logs, IsWaiting);
        Assert.DoesNotContain(holder.Logs, IsWaiting);
        Assert.Contains(waiter.Logs, l => l == $"waiting for another execution's restart on {url} to finish");
        var holderLastRestartLog = holder.Events.OfType<LogEvent>().Where(l => l.StepPath == "restart").Max(l => l.Timestamp);
        var waiterRequested = waiter.Events.OfType<LogEvent>().Single(l => l.Message.StartsWith("restart of ", StringComparison.Ordinal)).Timestamp;
        Assert.True(waiterRequested >= holderLastRestartLog,
            $"the second restart was requested at {waiterRequested:O}, before the first finished ({holderLastRestartLog:O})");
    }

    [Fact]
    public async Task A_runner_waiting_for_another_runners_lock_can_be_cancelled_and_acquires_later()
    {
        var runnerA = new GatewayMutationLock(_data);
        var runnerB = new GatewayMutationLock(_data);
        var held = await runnerA.AcquireAsync("http://gw:8088", "restore", new ListLogger(), CancellationToken.None);

        var log = new ListLogger();
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => runnerB.AcquireAsync("HTTP://GW:8088/", "restart", log, cts.Token));
        Assert.Equal(["waiting for another execution's restore on HTTP://GW:8088/ to finish"], log.Messages);

        await held.DisposeAsync();
        await using (await runnerB.AcquireAsync("http://gw:8088", "restart", log, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(120))) { }
        await using (await runnerA.AcquireAsync("http://other:8088", "restart", log, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(120))) { }
    }

    [Fact]
    public async Task A_lock_file_left_by_a_dead_runner_does_not_block()
    {
        var gate = new GatewayMutationLock(_data);
        var path = gate.LockFileFor("http://gw:8088");
        Directory.CreateDirectory(_data);
        using (var crashed = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None)) { crashed.WriteByte(1); }
        File.WriteAllText(path + ".owner", """{"Operation":"import","ProcessId":1,"Machine":"gone","Since":"2026-01-01T00:00:00Z"}""");

        var log = new ListLogger();
        await using (await gate.AcquireAsync("http://gw:8088", "restart", log, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(120))) { }
        Assert.Empty(log.Messages);
    }

    [FlockFact]
    public async Task A_lock_held_by_a_killed_process_is_released_by_the_os()
    {
        var gate = new GatewayMutationLock(_data);
        var path = gate.LockFileFor("http://gw:8088");
        Directory.CreateDirectory(_data);
        using var holder = Process.Start(new ProcessStartInfo("flock", ["--exclusive", "--close", path, "sleep", "60"])
        { UseShellExecute = false })!;
        try
        {
            await Wait.UntilAsync(() => IsLocked(path) || holder.HasExited, what: "the holder's lock", state: () => $"exists={File.Exists(path)} exited={holder.HasExited} pid={holder.Id}");
            if (holder.HasExited) Assert.Fail($"flock exited with {holder.ExitCode} before holding the lock");

            var log = new ListLogger();
            var waiting = gate.AcquireAsync("http://gw:8088", "restart", log, CancellationToken.None);
            await Wait.UntilAsync(() => log.Messages.Count > 0 || waiting.IsCompleted, what: "the waiter's note", state: () => $"{waiting.Status} {waiting.Exception}");
            Assert.False(waiting.IsCompleted);
            Assert.Equal("waiting for another execution's operation on http://gw:8088 to finish", log.Messages[0]);

            holder.Kill(entireProcessTree: true); // a crash: the process never unlocks, the OS closes its handle
            await using (await waiting.WaitAsync(TimeSpan.FromSeconds(120))) { }
        }
        finally
        {
            if (!holder.HasExited) holder.Kill(entireProcessTree: true);
            await holder.WaitForExitAsync();
        }
    }

    private ServiceProvider Runner()
    {
        var services = new ServiceCollection();
        services.AddSingleton(new ToolkitPaths(_data, Path.Combine(_data, "playbooks"), Path.Combine(_data, "plugins")));
        services.AddGatewaySteps(o => o.GetRetryDelay = TimeSpan.FromMilliseconds(5));
        return services.BuildServiceProvider();
    }

    private static bool IsWaiting(string line) => line.StartsWith("waiting for another execution's", StringComparison.Ordinal);

    private static bool IsLocked(string path)
    {
        if (!File.Exists(path)) return false;
        try
        {
            using var probe = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            return false;
        }
        catch (IOException)
        {
            return true;
        }
    }

    private sealed class ListLogger : ILogger
    {
        private readonly ConcurrentQueue<string> _messages = new();
        public IReadOnlyList<string> Messages => [.. _messages];
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            _messages.Enqueue(formatter(state, exception));
    }

    /// <summary>Runs where util-linux <c>flock</c> exists (Linux CI); .NET's FileShare.None lock is flock(2) there.</summary>
    private sealed class FlockFactAttribute : FactAttribute
    {
        public FlockFactAttribute()
        {
            if (!OperatingSystem.IsLinux() || !File.Exists("/usr/bin/flock"))
                Skip = "needs Linux with util-linux 'flock' to hold the lock from a second process";
        }
    }
}
