using IgnitionToolkit.Core.Engine;
using IgnitionToolkit.Core.Execution;
using IgnitionToolkit.Core.Playbooks;

namespace IgnitionToolkit.Plugins.Gateway.Tests.Infrastructure;

/// <summary>Builds playbooks in code (copied in spirit from the Core tests' harness).</summary>
internal static class Playbooks
{
    public static PlaybookStep Step(string id, string type, object? parameters = null, FailureAction onFailure = FailureAction.Abort,
        double timeoutSeconds = 120, int retryCount = 0) =>
        new(id, id, type, ToDictionary(parameters), onFailure, TimeSpan.FromSeconds(timeoutSeconds), retryCount,
            TimeSpan.Zero, new SourceLocation("test.yaml", 1, 1));

    public static Playbook Of(params PlaybookStep[] steps) =>
        new("test", "1.0", null, [], steps, new Dictionary<string, object?>(), "test.yaml");

    private static IReadOnlyDictionary<string, object?> ToDictionary(object? parameters) => parameters switch
    {
        null => new Dictionary<string, object?>(),
        IReadOnlyDictionary<string, object?> d => d,
        _ => parameters.GetType().GetProperties().ToDictionary(p => p.Name, p => p.GetValue(parameters)),
    };
}

internal sealed record RecordingRun(RunningExecution Running, RecordingObserver Events)
{
    public async Task<ExecutionStatus> CompletionAsync(double timeoutSeconds = 90) =>
        await Running.Completion.WaitAsync(TimeSpan.FromSeconds(timeoutSeconds));

    public StepFinishedEvent Step(string id) => Events.OfType<StepFinishedEvent>().Last(f => f.StepPath == id);

    public object? Output(string step, string name) => Step(step).Outputs.TryGetValue(name, out var v) ? v : null;

    public IReadOnlyList<string> Logs => [.. Events.OfType<LogEvent>().Select(l => l.Message)];

    public IReadOnlyList<ArtifactSavedEvent> Artifacts => Events.OfType<ArtifactSavedEvent>();
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
}
