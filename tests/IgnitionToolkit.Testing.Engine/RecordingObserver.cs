using IgnitionToolkit.Core.Execution;
using IgnitionToolkit.Contracts;
using IgnitionToolkit.Contracts.Events;
using IgnitionToolkit.Testing;

namespace IgnitionToolkit.Testing.Engine;

/// <summary>Keeps every engine event, in order, and lets a test wait for one. Immediate, as the Runner's bus observer
/// is: the engine hands it each event on the reporting thread.</summary>
public sealed class RecordingObserver : IImmediateExecutionObserver
{
    private readonly List<ExecutionEvent> _events = [];
    private readonly Lock _gate = new();

    public ValueTask OnEventAsync(ExecutionEvent engineEvent, CancellationToken cancellationToken)
    {
        lock (_gate) _events.Add(engineEvent);
        return ValueTask.CompletedTask;
    }

    public IReadOnlyList<ExecutionEvent> All { get { lock (_gate) return [.. _events]; } }

    public IReadOnlyList<T> OfType<T>() where T : ExecutionEvent => [.. All.OfType<T>()];

    /// <summary>Waits (generous bound: <see cref="Wait.DefaultTimeout"/> unless given) until an event matching
    /// <paramref name="predicate"/> has arrived.</summary>
    public async Task<T> WaitForAsync<T>(Func<T, bool>? predicate = null, double? timeoutSeconds = null) where T : ExecutionEvent
    {
        T? match = null;
        await Wait.UntilAsync(
            () => (match = OfType<T>().FirstOrDefault(e => predicate?.Invoke(e) ?? true)) is not null,
            timeoutSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : Wait.DefaultTimeout,
            $"a {typeof(T).Name}",
            () => "events: " + string.Join(", ", All.Select(e => e.GetType().Name)));
        return match!;
    }
}

/// <summary>A started execution and what it reported.</summary>
public sealed record RecordingRun(RunningExecution Running, RecordingObserver Events)
{
    public IExecutionControl Control => Running.Control;

    public async Task<ExecutionStatus> CompletionAsync(double timeoutSeconds = 60) =>
        await Running.Completion.WaitAsync(TimeSpan.FromSeconds(timeoutSeconds));

    public IReadOnlyList<StepFinishedEvent> Finished => Events.OfType<StepFinishedEvent>();

    /// <summary>The last result of the step at <paramref name="path"/>.</summary>
    public StepFinishedEvent FinishedStep(string path) => Finished.Last(f => f.StepPath == path);

    public StepFinishedEvent Step(string path) => FinishedStep(path);

    public object? Output(string step, string name) => FinishedStep(step).Outputs.TryGetValue(name, out var v) ? v : null;

    public IReadOnlyList<string> Logs => [.. Events.OfType<LogEvent>().Select(l => l.Message)];

    public IReadOnlyList<ArtifactSavedEvent> Artifacts => Events.OfType<ArtifactSavedEvent>();
}
