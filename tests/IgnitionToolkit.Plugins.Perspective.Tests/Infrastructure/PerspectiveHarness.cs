using IgnitionToolkit.Core.Engine;
using IgnitionToolkit.Core.Execution;
using IgnitionToolkit.Core.Playbooks;
using IgnitionToolkit.Core.Plugins;
using IgnitionToolkit.Core.Plugins.Loading;
using IgnitionToolkit.GatewaySimulator.Hosting;
using IgnitionToolkit.Plugins.Perspective.Browser;
using Microsoft.Extensions.DependencyInjection;

namespace IgnitionToolkit.Plugins.Perspective.Tests.Infrastructure;

/// <summary>The gateway simulator on a free port (real Kestrel, real HTTP), the real engine with the Perspective steps and
/// a real headless Chromium (started on the first browser step). Dispose it to close the browser and stop the simulator.</summary>
internal sealed class PerspectiveHarness : IAsyncDisposable
{
    public const string Project = "Demo_HMI";
    private readonly ServiceProvider _services;
    private readonly string _root = Directory.CreateTempSubdirectory("toolkit-perspective-tests-").FullName;

    private PerspectiveHarness(SimulatorServer sim, ServiceCollection services, RecordingLiveView? liveView)
    {
        Sim = sim;
        Frames = liveView ?? new RecordingLiveView();
        if (liveView is not null) services.AddSingleton<ILiveViewPublisher>(liveView);
        services.AddPerspectiveSteps(o => o.ProcessRecordDirectory = ProcessRecordDirectory);
        _services = services.BuildServiceProvider();
        Catalog = PluginDiscovery.CreateRegistry(_services,
            _services.GetServices<IgnitionToolkit.Core.StepPluginAssembly>().Select(a => a.Assembly).Append(typeof(PlaybookEngine).Assembly), null);
        Engine = new PlaybookEngine(Catalog, new TemplateResolver(), _services);
        Loader = new PlaybookLoader(Catalog);
    }

    public SimulatorServer Sim { get; }
    public StepPluginRegistry Catalog { get; }
    public PlaybookEngine Engine { get; }
    public PlaybookLoader Loader { get; }
    public RecordingLiveView Frames { get; }
    public BrowserRuntime Runtime => _services.GetRequiredService<BrowserRuntime>();
    public string Url => Sim.BaseAddress.ToString().TrimEnd('/');
    public string ProcessRecordDirectory => Path.Combine(_root, "browser");

    public string PageUrl(string page) => $"{Url}/data/perspective/client/{Project}/{page.TrimStart('/')}";

    public static async Task<PerspectiveHarness> StartAsync(bool liveView = false)
    {
        var sim = await SimulatorServer.StartAsync();
        var services = new ServiceCollection();
        services.AddLogging();
        return new PerspectiveHarness(sim, services, liveView ? new RecordingLiveView() : null);
    }

    /// <summary>Loads YAML with the real loader (failing the test on errors) and returns the playbook and its warnings.</summary>
    public (Playbook Playbook, IReadOnlyList<string> Warnings) Load(string yaml)
    {
        var loaded = Loader.Load(yaml, "test.yaml");
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Diagnostics.Select(d => d.ToString())));
        return (loaded.Playbook!, [.. loaded.Warnings.Select(w => w.Message)]);
    }

    public RecordingRun Start(Playbook playbook, IReadOnlyDictionary<string, object?>? parameters = null,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? credentials = null)
    {
        var request = new ExecutionRequest(Guid.NewGuid(), playbook, parameters ?? new Dictionary<string, object?> { ["gateway_url"] = Url }, false)
        {
            Credentials = credentials ?? new Dictionary<string, IReadOnlyDictionary<string, string>>(),
            ArtifactDirectory = Path.Combine(_root, "artifacts", Guid.NewGuid().ToString("N")),
        };
        var observer = new RecordingObserver();
        return new RecordingRun(request.ExecutionId, Engine.Start(request, observer, CancellationToken.None), observer);
    }

    /// <summary>Runs a YAML playbook (parameter <c>gateway_url</c> = the simulator) to its end.</summary>
    public async Task<(ExecutionStatus Status, RecordingRun Run)> RunAsync(string yaml,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? credentials = null)
    {
        var run = Start(Load(yaml).Playbook, credentials: credentials);
        return (await run.CompletionAsync(), run);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Sim.DisposeAsync();
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }
}
