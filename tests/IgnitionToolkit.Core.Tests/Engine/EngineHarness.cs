using IgnitionToolkit.Core.Engine;
using IgnitionToolkit.Core.Execution;
using IgnitionToolkit.Core.Playbooks;
using IgnitionToolkit.Core.Plugins;
using IgnitionToolkit.Core.Plugins.Loading;
using Microsoft.Extensions.DependencyInjection;

namespace IgnitionToolkit.Core.Tests.Engine;

/// <summary>Builds playbooks in code and runs them through the real engine with the built-in plugins plus test plugins.</summary>
internal sealed class EngineHarness
{
    private readonly IServiceProvider _services = new ServiceCollection().BuildServiceProvider();

    public EngineHarness(params IStepPlugin[] extraPlugins)
    {
        var builtIn = PluginDiscovery.CreateRegistry(_services, [typeof(PlaybookEngine).Assembly], null);
        Catalog = new StepPluginRegistry(builtIn.Descriptors.Select(d => builtIn.GetPlugin(d.Type)!).Concat(extraPlugins));
        Loader = new PlaybookLoader(Catalog);
        Engine = new PlaybookEngine(Catalog, new TemplateResolver(), _services, Loader);
    }

    public StepPluginRegistry Catalog { get; }
    public PlaybookEngine Engine { get; }
    public PlaybookLoader Loader { get; }

    public static PlaybookStep Step(string id, string type, object? parameters = null, FailureAction onFailure = FailureAction.Abort,
        double timeoutSeconds = 300, int retryCount = 0, double retryDelaySeconds = 0) =>
        new(id, id, type, ToDictionary(parameters), onFailure, TimeSpan.FromSeconds(timeoutSeconds), retryCount,
            TimeSpan.FromSeconds(retryDelaySeconds), new SourceLocation("test.yaml", 1, 1));

    public static Playbook Playbook(params PlaybookStep[] steps) => Playbook([], steps);

    public static Playbook Playbook(IReadOnlyList<PlaybookParameter> parameters, params PlaybookStep[] steps) =>
        new("test", "1.0", null, parameters, steps, new Dictionary<string, object?>(), "test.yaml");

    public RecordingRun Start(Playbook playbook, bool debug = false, IReadOnlyDictionary<string, object?>? parameters = null,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? credentials = null, IPlaybookSource? source = null,
        CancellationToken cancellationToken = default)
    {
        var request = new ExecutionRequest(Guid.NewGuid(), playbook, parameters ?? new Dictionary<string, object?>(), debug)
        {
            Credentials = credentials ?? new Dictionary<string, IReadOnlyDictionary<string, string>>(),
            PlaybookSource = source,
            ArtifactDirectory = Path.Combine(Path.GetTempPath(), "toolkit-tests", Guid.NewGuid().ToString("N")),
        };
        var observer = new RecordingObserver();
        var running = Engine.Start(request, observer, cancellationToken);
        return new RecordingRun(running, observer);
    }

    private static IReadOnlyDictionary<string, object?> ToDictionary(object? parameters) => parameters switch
    {
        null => new Dictionary<string, object?>(),
        IReadOnlyDictionary<string, object?> d => d,
        _ => parameters.GetType().GetProperties().ToDictionary(p => p.Name, p => p.GetValue(parameters)),
    };
}

internal sealed record RecordingRun(RunningExecution Running, RecordingObserver Events)
{
    public IExecutionControl Control => Running.Control;

    public async Task<ExecutionStatus> CompletionAsync(double timeoutSeconds = 20) =>
        await Running.Completion.WaitAsync(TimeSpan.FromSeconds(timeoutSeconds));

    public IReadOnlyList<StepFinishedEvent> Finished => Events.OfType<StepFinishedEvent>();
    public StepFinishedEvent FinishedStep(string path) => Finished.Last(f => f.StepPath == path);
}

internal sealed class RecordingObserver : IExecutionObserver
{
    private readonly List<EngineEvent> _events = [];
    private readonly Lock _gate = new();

    public ValueTask OnEventAsync(EngineEvent engineEvent, CancellationToken cancellationToken)
    {
        lock (_gate) _events.Add(engineEvent);
        return ValueTask.CompletedTask;
    }

    public IReadOnlyList<EngineEvent> All { get { lock (_gate) return [.. _events]; } }

    public IReadOnlyList<T> OfType<T>() where T : EngineEvent => [.. All.OfType<T>()];

    /// <summary>Waits until an event matching <paramref name="predicate"/> has arrived.</summary>
    public async Task<T> WaitForAsync<T>(Func<T, bool>? predicate = null, double timeoutSeconds = 10) where T : EngineEvent
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (DateTime.UtcNow < deadline)
        {
            var match = OfType<T>().FirstOrDefault(e => predicate?.Invoke(e) ?? true);
            if (match is not null) return match;
            await Task.Delay(10);
        }
        throw new TimeoutException($"no {typeof(T).Name} arrived; events: {string.Join(", ", All.Select(e => e.GetType().Name))}");
    }
}
