using System.Globalization;
using IgnitionToolkit.Core.Execution;
using IgnitionToolkit.Contracts;
using IgnitionToolkit.Contracts.Events;

namespace IgnitionToolkit.Runner.Cli;

/// <summary>Prints a local run's progress: one line per step start and finish (nested steps indented), logs,
/// pauses, artifacts; keeps the final status of every step for the summary.</summary>
public sealed class ConsoleProgressObserver(TextWriter output) : IExecutionObserver
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _depth = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StepStatus> _final = new(StringComparer.Ordinal);

    public ExecutionFinishedEvent? Finished { get; private set; }

    public IReadOnlyDictionary<StepStatus, int> StepCounts
    {
        get
        {
            lock (_gate) return _final.Values.GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count());
        }
    }

    public ValueTask OnEventAsync(ExecutionEvent engineEvent, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var line = Describe(engineEvent);
            if (line is not null) output.WriteLine(line);
        }
        return ValueTask.CompletedTask;
    }

    private string? Describe(ExecutionEvent engineEvent)
    {
        switch (engineEvent)
        {
            case ExecutionStartedEvent e:
                return $"Running '{e.PlaybookName}' ({e.StepCount} steps)";
            case StepStartedEvent e:
                _depth[e.StepPath] = e.ParentPath is not null && _depth.TryGetValue(e.ParentPath, out var parent) ? parent + 1 : 0;
                return $"{Indent(e.StepPath)}> {e.StepId} ({e.StepType}) started{(e.Attempt > 1 ? $", attempt {e.Attempt}" : "")}";
            case StepFinishedEvent e:
                _final[e.StepPath] = e.Status;
                return $"{Indent(e.StepPath)}< {e.StepId} {e.Status.ToWire()} in {Seconds(e.Duration)}{(e.Error is null ? "" : $": {e.Error}")}";
            case LogEvent e:
                return $"{Indent(e.StepPath)}  [{e.Level}] {e.Message}";
            case ExecutionStatusChangedEvent e when e.Status is ExecutionStatus.Paused or ExecutionStatus.Cancelled:
                return $"execution {e.Status.ToWire()}{(e.Reason is null ? "" : $": {e.Reason}")}";
            case DebugPausedEvent e:
                return $"{Indent(e.StepPath)}  paused at {e.StepPath}: {e.Reason}{(e.Error is null ? "" : $" ({e.Error})")}";
            case ArtifactSavedEvent e:
                return $"{Indent(e.StepPath)}  artifact {e.Name} ({e.Size} bytes): {e.Path}";
            case ExecutionFinishedEvent e:
                Finished = e;
                return null;
            default:
                return null;
        }
    }

    private string Indent(string? stepPath) =>
        stepPath is not null && _depth.TryGetValue(stepPath, out var depth) ? new string(' ', depth * 2) : "";

    public static string Seconds(TimeSpan duration) =>
        duration.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + "s";
}
