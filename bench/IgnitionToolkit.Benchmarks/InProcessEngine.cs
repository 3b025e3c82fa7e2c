using System.Diagnostics;
using IgnitionToolkit.Contracts;
using IgnitionToolkit.Contracts.Events;
using IgnitionToolkit.Core;
using IgnitionToolkit.Core.Execution;
using IgnitionToolkit.Core.Playbooks;
using IgnitionToolkit.Hosting.Plugins;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IgnitionToolkit.Benchmarks;

/// <summary>The engine in this process, events kept in memory: the baseline of the distributed path (core steps only),
/// and the toolkit's side of the gateway and Perspective scenarios (the built-in plugins, as the Runner registers them).</summary>
internal sealed class InProcessEngine : IAsyncDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("toolkit-bench-").FullName;
    private readonly ServiceProvider _services;

    public InProcessEngine(bool plugins)
    {
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Toolkit:DataDirectory"] = _data }).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(settings);
        if (plugins) services.AddToolkitSteps(settings, StepUse.Run);
        else services.AddToolkitCore(key => settings[key]);
        _services = services.BuildServiceProvider();
    }

    /// <summary>Runs a playbook to completion; the elapsed time and each step's start and end as the engine reported them.</summary>
    public async Task<EngineRun> RunAsync(string yaml, IReadOnlyDictionary<string, object?>? parameters = null)
    {
        var loaded = _services.GetRequiredService<IPlaybookLoader>().Load(yaml, "bench.yaml");
        var playbook = loaded.Playbook ?? throw new InvalidOperationException(string.Join("\n", loaded.Diagnostics));
        var observer = new StepClock();
        var clock = Stopwatch.StartNew();
        var run = _services.GetRequiredService<IPlaybookEngine>().Start(
            new ExecutionRequest(Guid.NewGuid(), playbook, parameters ?? new Dictionary<string, object?>()), observer, CancellationToken.None);
        var status = await run.Completion;
        if (status != ExecutionStatus.Completed) throw new InvalidOperationException($"in-process run ended {status}: {observer.Error}");
        return new EngineRun(clock.Elapsed, observer.Started, observer.Finished);
    }

    /// <summary>The in-process baseline of the distributed path: core steps only, a fresh engine per run.</summary>
    public static async Task<TimeSpan> RunOnceAsync(string yaml)
    {
        await using var engine = new InProcessEngine(plugins: false);
        return (await engine.RunAsync(yaml)).Elapsed;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }

    private sealed class StepClock : IImmediateExecutionObserver
    {
        public Dictionary<string, DateTimeOffset> Started { get; } = [];
        public Dictionary<string, DateTimeOffset> Finished { get; } = [];
        public string? Error { get; private set; }

        public ValueTask OnEventAsync(ExecutionEvent engineEvent, CancellationToken cancellationToken)
        {
            lock (Started)
            {
                if (engineEvent is StepStartedEvent started) Started[started.StepPath] = started.Timestamp;
                else if (engineEvent is StepFinishedEvent finished)
                {
                    Finished[finished.StepPath] = finished.Timestamp;
                    Error ??= finished.Error;
                }
            }
            return ValueTask.CompletedTask;
        }
    }
}

/// <summary>One in-process run: its total time and when each step (by path) started and finished.</summary>
internal sealed record EngineRun(TimeSpan Elapsed, IReadOnlyDictionary<string, DateTimeOffset> Started, IReadOnlyDictionary<string, DateTimeOffset> Finished)
{
    public TimeSpan Between(string firstStep, string lastStep) => Finished[lastStep] - Started[firstStep];
}
