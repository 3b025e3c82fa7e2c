using IgnitionToolkit.Core.Configuration;
using IgnitionToolkit.Core.Execution;
using IgnitionToolkit.Core.Playbooks;
using IgnitionToolkit.Core.Plugins;
using IgnitionToolkit.GatewaySimulator.Hosting;
using IgnitionToolkit.Plugins.Perspective.Browser;
using IgnitionToolkit.Testing.Engine;
using Microsoft.Extensions.DependencyInjection;
using IgnitionToolkit.Contracts;

namespace IgnitionToolkit.Plugins.Perspective.Tests.Infrastructure;

/// <summary>The gateway simulator on a free port (real Kestrel, real HTTP), the real engine with the Perspective steps and
/// a real headless Chromium (started on the first browser step). Dispose it to close the browser and stop the simulator.</summary>
internal sealed class PerspectiveHarness : IAsyncDisposable
{
    public const string Project = "Demo_HMI";
    private readonly ServiceProvider _services;
    private readonly string _root = Directory.CreateTempSubdirectory("toolkit-perspective-tests-").FullName;

    private PerspectiveHarness(SimulatorServer sim, RecordingLiveView? liveView, Action<IServiceCollection>? configure)
    {
        Sim = sim;
        Frames = liveView ?? new RecordingLiveView();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(Paths); // as AddToolkitCore registers them in the Runner (baselines, data folder)
        if (liveView is not null) services.AddSingleton<ILiveViewPublisher>(liveView);
        services.AddSingleton<LiveViewInputs>(); // as the Runner: click through the live view (and the recorder's stop)
        services.AddPerspectiveSteps(o => o.ProcessRecordDirectory = ProcessRecordDirectory);
        // as in the Runner: the gateway plugin declares which fields of a gateway login are no secret (user name, URL)
        services.AddCredentialBinder<IgnitionToolkit.Plugins.Gateway.Credentials.GatewayLoginBinder>();
        configure?.Invoke(services);
        _services = services.BuildServiceProvider();
        Engine = new EngineHarness(_services);
    }

    public SimulatorServer Sim { get; }
    public EngineHarness Engine { get; }
    public PlaybookLoader Loader => Engine.Loader;
    public RecordingLiveView Frames { get; }
    public BrowserRuntime Runtime => _services.GetRequiredService<BrowserRuntime>();
    public string Url => Sim.BaseAddress.ToString().TrimEnd('/');
    public string ProcessRecordDirectory => Path.Combine(_root, "browser");

    /// <summary>This harness's data folder and library folder (empty until a test writes to them).</summary>
    public ToolkitPaths Paths => new(Path.Combine(_root, "data"), Path.Combine(_root, "library"), Path.Combine(_root, "plugins"));

    /// <param name="configure">More services for the engine (e.g. the AI steps).</param>
    public static async Task<PerspectiveHarness> StartAsync(bool liveView = false, Action<IServiceCollection>? configure = null) =>
        new(await SimulatorServer.StartAsync(), liveView ? new RecordingLiveView() : null, configure);

    /// <summary>Loads YAML with the real loader (failing the test on errors) and returns the playbook and its warnings.</summary>
    public (Playbook Playbook, IReadOnlyList<string> Warnings) Load(string yaml)
    {
        var loaded = Loader.Load(yaml, "test.yaml");
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Diagnostics.Select(d => d.ToString())));
        return (loaded.Playbook!, [.. loaded.Warnings.Select(w => w.Message)]);
    }

    /// <summary>Starts an execution (parameter <c>gateway_url</c> = the simulator unless given).</summary>
    public RecordingRun Start(Playbook playbook, IReadOnlyDictionary<string, object?>? parameters = null,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? credentials = null, Guid? executionId = null) =>
        Engine.Start(playbook, parameters: parameters ?? new Dictionary<string, object?> { ["gateway_url"] = Url }, credentials: credentials, executionId: executionId);

    /// <summary>The live view inputs of the executions (click through the live view), as the Runner has them.</summary>
    public LiveViewInputs Inputs => _services.GetRequiredService<LiveViewInputs>();

    /// <summary>Runs a YAML playbook to its end (an upper bound for a very busy machine, not a speed target).</summary>
    public async Task<(ExecutionStatus Status, RecordingRun Run)> RunAsync(string yaml,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? credentials = null)
    {
        var run = Start(Load(yaml).Playbook, credentials: credentials);
        return (await run.CompletionAsync(1800), run);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Sim.DisposeAsync();
        Engine.DeleteArtifacts();
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }
}
