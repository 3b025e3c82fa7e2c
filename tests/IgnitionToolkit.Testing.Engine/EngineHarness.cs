using IgnitionToolkit.Core;
using IgnitionToolkit.Core.Engine;
using IgnitionToolkit.Core.Execution;
using IgnitionToolkit.Core.Playbooks;
using IgnitionToolkit.Core.Plugins;
using IgnitionToolkit.Core.Plugins.Loading;
using Microsoft.Extensions.DependencyInjection;

namespace IgnitionToolkit.Testing.Engine;

/// <summary>The real engine, loader and catalogue: the built-in steps, the plugin assemblies registered in
/// <paramref name="services"/> (e.g. by <c>AddGatewaySteps()</c>) and any extra test plugins.</summary>
public sealed class EngineHarness
{
    private readonly string _artifactRoot = Path.Combine(Path.GetTempPath(), "toolkit-tests", Guid.NewGuid().ToString("N"));

    public EngineHarness(params IStepPlugin[] extraPlugins) : this(new ServiceCollection().AddLogging().BuildServiceProvider(), extraPlugins)
    {
    }

    public EngineHarness(IServiceProvider services, params IStepPlugin[] extraPlugins)
    {
        Services = services;
        var assemblies = services.GetServices<StepPluginAssembly>().Select(a => a.Assembly).Append(typeof(PlaybookEngine).Assembly);
        var discovered = PluginDiscovery.CreateRegistry(services, assemblies, null);
        Catalog = new StepPluginRegistry(discovered.Descriptors.Select(d => discovered.GetPlugin(d.Type)!).Concat(extraPlugins));
        Loader = new PlaybookLoader(Catalog);
        Engine = new PlaybookEngine(Catalog, new TemplateResolver(), services, Loader);
    }

    public IServiceProvider Services { get; }
    public StepPluginRegistry Catalog { get; }
    public PlaybookLoader Loader { get; }
    public PlaybookEngine Engine { get; }

    /// <summary>Where this harness's executions keep their artifacts (one sub-folder per execution).</summary>
    public string ArtifactRoot => _artifactRoot;

    public RecordingRun Start(Playbook playbook, bool debug = false, IReadOnlyDictionary<string, object?>? parameters = null,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? credentials = null, IPlaybookSource? source = null,
        string? artifactDirectory = null, CancellationToken cancellationToken = default, ResumePoint? resume = null,
        IReadOnlyDictionary<string, double>? timeoutOverrides = null, Guid? executionId = null)
    {
        var request = new ExecutionRequest(executionId ?? Guid.NewGuid(), playbook, parameters ?? new Dictionary<string, object?>(), debug)
        {
            Resume = resume,
            Credentials = credentials ?? new Dictionary<string, IReadOnlyDictionary<string, string>>(),
            PlaybookSource = source,
            ArtifactDirectory = artifactDirectory ?? Path.Combine(_artifactRoot, Guid.NewGuid().ToString("N")),
            TimeoutOverrides = timeoutOverrides ?? new Dictionary<string, double>(),
        };
        var observer = new RecordingObserver();
        return new RecordingRun(Engine.Start(request, observer, cancellationToken), observer);
    }

    /// <summary>Loads a playbook file through the real loader, failing with every diagnostic when it is invalid.</summary>
    public Playbook Load(IPlaybookSource source, string path)
    {
        var file = source.Find(path, path) ?? throw new FileNotFoundException(path);
        var result = Loader.Load(file.Text, file.Path, source);
        if (!result.IsValid) throw new InvalidOperationException(string.Join("\n", result.Diagnostics));
        return result.Playbook!;
    }

    /// <summary>Removes the artifacts written by this harness's executions.</summary>
    public void DeleteArtifacts()
    {
        if (Directory.Exists(_artifactRoot)) Directory.Delete(_artifactRoot, recursive: true);
    }
}
