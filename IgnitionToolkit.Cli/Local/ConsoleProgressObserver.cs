using System.Globalization;
using IgnitionToolkit.Cli.CommandLine;
using IgnitionToolkit.Contracts;
using IgnitionToolkit.Contracts.Events;
using IgnitionToolkit.Core.Execution;

namespace IgnitionToolkit.Cli.Local;

/// <summary>Prints a run's progress: one line per step start and finish (nested steps indented), logs, pauses,
/// artifacts — with a UTC time first in <see cref="OutputStyle.Timestamped"/> style, or every event as one JSON line
/// (the wire format of the bus and the API) in <see cref="OutputStyle.Json"/> style. Keeps every event for the reports
/// and the final status of every step for the summary. Events are already masked by the engine (no secret values).</summary>
/// <param name="live">At a terminal: the live step view the events go to instead of lines.</param>
public sealed class ConsoleProgressObserver(TextWriter output, OutputStyle style = OutputStyle.Plain, LiveStepView? live = null) : IExecutionObserver
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _depth = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StepStatus> _final = new(StringComparer.Ordinal);
    private readonly List<ExecutionEvent> _events = [];

    public ExecutionFinishedEvent? Finished { get; private set; }

    /// <summary>Every event received, in order.</summary>
    public IReadOnlyList<ExecutionEvent> Events
    {
        get
        {
            lock (_gate) return [.. _events];
        }
    }

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
            _events.Add(engineEvent);
            if (engineEvent is ExecutionFinishedEvent ended) Finished = ended;
            if (engineEvent is StepFinishedEvent step) _final[step.StepPath] = step.Status;
            if (live is not null)
            {
                live.Apply(engineEvent);
                return ValueTask.CompletedTask;
            }
            var line = style == OutputStyle.Json ? ContractJson.SerializeEvent(engineEvent) : Describe(engineEvent);
            if (line is not null) output.WriteLine(style == OutputStyle.Timestamped ? Stamp(engineEvent.Timestamp, line) : line);
        }
        return ValueTask.CompletedTask;
    }

    /// <summary>Writes a line in this observer's style (the summary after the events).</summary>
    public Task WriteLineAsync(string line)
    {
        lock (_gate) output.WriteLine(style == OutputStyle.Timestamped ? Stamp(DateTimeOffset.UtcNow, line) : line);
        return Task.CompletedTask;
    }

    private static string Stamp(DateTimeOffset time, string line) =>
        time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture) + " " + line;

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
                return $"{Indent(e.StepPath)}< {e.StepId} {e.Status.ToWire()} in {Seconds(e.Duration)}{(e.Error is null ? "" : $": {e.Error}")}";
            case LogEvent e:
                return $"{Indent(e.StepPath)}  [{e.Level}] {e.Message}";
            case ExecutionStatusChangedEvent e when e.Status is ExecutionStatus.Paused or ExecutionStatus.Cancelled:
                return $"execution {e.Status.ToWire()}{(e.Reason is null ? "" : $": {e.Reason}")}";
            case DebugPausedEvent e:
                return $"{Indent(e.StepPath)}  paused at {e.StepPath}: {e.Reason}{(e.Error is null ? "" : $" ({e.Error})")}";
            case ArtifactSavedEvent e:
                return $"{Indent(e.StepPath)}  artifact {e.Name} ({e.Size} bytes): {e.Path}";
            default:
                return null;
        }
    }

    private string Indent(string? stepPath) =>
        stepPath is not null && _depth.TryGetValue(stepPath, out var depth) ? new string(' ', depth * 2) : "";

    public static string Seconds(TimeSpan duration) =>
        duration.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + "s";
}
