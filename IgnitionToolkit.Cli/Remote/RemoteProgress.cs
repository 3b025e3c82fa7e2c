using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using IgnitionToolkit.Contracts;
using IgnitionToolkit.Contracts.Events;

namespace IgnitionToolkit.Cli.Remote;

/// <summary>Turns successive states of one execution (<c>GET /api/v1/executions/{id}</c>, polled by <c>run --wait</c>)
/// into the events that happened since the previous state — execution start, step starts and finishes, log lines,
/// execution finish — in time order, so a remote run prints exactly as a local one (<c>Local.ConsoleProgressObserver</c>).</summary>
public sealed class RemoteProgress
{
    private readonly Dictionary<string, int> _startedAttempt = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _finishedAs = new(StringComparer.Ordinal);
    private long _logSequence;
    private bool _started;

    /// <summary>The execution's final status once it ended, else null.</summary>
    public ExecutionStatus? Final { get; private set; }

    public IReadOnlyList<ExecutionEvent> NewEvents(JsonNode detail)
    {
        var events = new List<(DateTimeOffset At, int Rank, ExecutionEvent Event)>();
        var execution = detail["execution"];
        var status = WireNames.Parse<ExecutionStatus>(Text(execution, "status") ?? "pending");
        var startedAt = Time(execution, "started_at");
        if (!_started && startedAt is { } began)
        {
            _started = true;
            events.Add((began, 0, new ExecutionStartedEvent(began, Text(execution, "playbook_name") ?? "", (int?)execution?["step_count"] ?? 0)));
        }
        foreach (var step in detail["steps"]?.AsArray() ?? [])
        {
            var path = Text(step, "step_path") ?? "";
            var parent = Text(step, "parent_path");
            var id = Text(step, "step_id") ?? path;
            var attempt = (int?)step?["attempt"] ?? 1;
            var stepStatus = WireNames.Parse<StepStatus>(Text(step, "status") ?? "pending");
            if (Time(step, "started_at") is { } stepStart && stepStatus != StepStatus.Pending
                && (!_startedAttempt.TryGetValue(path, out var seen) || seen != attempt) && stepStatus != StepStatus.Skipped)
            {
                _startedAttempt[path] = attempt;
                events.Add((stepStart, 1, new StepStartedEvent(stepStart, path, parent, id, Text(step, "name") ?? id, Text(step, "type") ?? "", attempt,
                    new Dictionary<string, object?>())));
            }
            if (stepStatus is StepStatus.Pending or StepStatus.Running) continue;
            var key = $"{attempt}:{stepStatus}:{Text(step, "finished_at")}";
            if (_finishedAs.TryGetValue(path, out var done) && done == key) continue;
            _finishedAs[path] = key;
            var at = Time(step, "finished_at") ?? Time(step, "started_at") ?? DateTimeOffset.UtcNow;
            events.Add((at, 3, new StepFinishedEvent(at, path, parent, id, stepStatus, Outputs(step?["outputs"]), Text(step, "error"),
                TimeSpan.FromMilliseconds((double?)step?["duration_ms"] ?? 0), attempt)));
        }
        foreach (var log in detail["logs"]?.AsArray() ?? [])
        {
            var sequence = (long?)log?["sequence"] ?? 0;
            if (sequence <= _logSequence) continue;
            _logSequence = sequence;
            var at = Time(log, "timestamp") ?? DateTimeOffset.UtcNow;
            events.Add((at, 2, new LogEvent(at, Text(log, "step_path"), Text(log, "level") ?? "info", Text(log, "message") ?? "")));
        }
        if (Final is null && status is ExecutionStatus.Completed or ExecutionStatus.Failed or ExecutionStatus.Cancelled or ExecutionStatus.Interrupted)
        {
            Final = status;
            var end = Time(execution, "finished_at") ?? DateTimeOffset.UtcNow;
            if (status is ExecutionStatus.Cancelled or ExecutionStatus.Interrupted)
                events.Add((end, 4, new ExecutionStatusChangedEvent(end, status, Text(execution, "reason"))));
            events.Add((end, 5, new ExecutionFinishedEvent(end, status, Text(execution, "error"), end - (startedAt ?? end))));
        }
        return [.. events.Select((e, i) => (e, i)).OrderBy(x => x.e.At).ThenBy(x => x.e.Rank).ThenBy(x => x.i).Select(x => x.e.Event)];
    }

    private static string? Text(JsonNode? node, string name) => node?[name] is JsonValue value ? value.ToString() : null;

    private static DateTimeOffset? Time(JsonNode? node, string name) =>
        Text(node, name) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? at : null;

    private static IReadOnlyDictionary<string, object?> Outputs(JsonNode? outputs) =>
        outputs is JsonObject map
            ? map.ToDictionary(p => p.Key, p => (object?)JsonSerializer.SerializeToElement(p.Value), StringComparer.Ordinal)
            : new Dictionary<string, object?>();
}
