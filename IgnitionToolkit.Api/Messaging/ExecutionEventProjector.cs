using System.Text.Json;
using IgnitionToolkit.Api.Executions;
using IgnitionToolkit.Api.Persistence;
using IgnitionToolkit.Api.Persistence.Entities;
using IgnitionToolkit.Core.Execution;
using IgnitionToolkit.Core.Messaging;

namespace IgnitionToolkit.Api.Messaging;

/// <summary>Turns one event (already known to be the next in sequence) into changes of the execution's rows.</summary>
public sealed class ExecutionEventProjector(ToolkitDbContext db, ExecutionRecord execution, StepRows steps, ILogger logger)
{
    public async Task ApplyAsync(long sequence, string kind, DateTimeOffset timestamp, string payloadJson, CancellationToken ct)
    {
        try
        {
            await ProjectAsync(sequence, kind, timestamp, payloadJson, ct);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or NotSupportedException)
        {
            // A malformed event must not block the ones after it.
            logger.LogWarning("Skipping malformed {Kind} event #{Sequence} of execution {ExecutionId}: {Message}", kind, sequence, execution.Id, ex.Message);
        }
    }

    private async Task ProjectAsync(long sequence, string kind, DateTimeOffset timestamp, string json, CancellationToken ct)
    {
        switch (kind)
        {
            case EventKinds.ExecutionStarted:
                var started = EventPayloadJson.Deserialize<ExecutionStartedPayload>(json);
                execution.StartedAt ??= timestamp;
                execution.StepCount = started.StepCount;
                SetStatus(ExecutionStatus.Running, reason: null, timestamp);
                break;
            case EventKinds.StatusChanged:
                var changed = EventPayloadJson.Deserialize<StatusChangedPayload>(json);
                SetStatus(WireStatus.ParseExecution(changed.Status), changed.Reason, timestamp);
                break;
            case EventKinds.StepStarted:
                var s = EventPayloadJson.Deserialize<StepStartedPayload>(json);
                var startedRow = await steps.GetOrAddAsync(s.StepPath, sequence, () => NewRow(s.StepPath, s.StepId), ct);
                startedRow.ParentPath = s.ParentPath;
                startedRow.StepId = s.StepId;
                startedRow.Name = s.StepName;
                startedRow.Type = s.StepType;
                startedRow.Status = StepStatus.Running.ToWire();
                startedRow.Attempt = s.Attempt;
                startedRow.StartedAt = timestamp;
                startedRow.FinishedAt = null;
                startedRow.DurationMs = null;
                startedRow.Error = null;
                break;
            case EventKinds.StepFinished:
                var f = EventPayloadJson.Deserialize<StepFinishedPayload>(json);
                var finishedRow = await steps.GetOrAddAsync(f.StepPath, sequence, () => NewRow(f.StepPath, f.StepId), ct);
                finishedRow.ParentPath ??= f.ParentPath;
                finishedRow.Status = WireStatus.Parse<StepStatus>(f.Status).ToWire();
                finishedRow.Attempt = Math.Max(finishedRow.Attempt, f.Attempt);
                finishedRow.FinishedAt = timestamp;
                finishedRow.DurationMs = f.DurationMs;
                finishedRow.Error = f.Error;
                finishedRow.OutputsJson = JsonSerializer.Serialize(f.Outputs ?? new Dictionary<string, object?>(), EventPayloadJson.Options);
                break;
            case EventKinds.Log:
                var log = EventPayloadJson.Deserialize<LogPayload>(json);
                db.LogLines.Add(new LogLineRecord
                {
                    ExecutionId = execution.Id, Sequence = sequence, Timestamp = timestamp, StepPath = log.StepPath,
                    Level = log.Level, Message = log.Message,
                });
                break;
            case EventKinds.DebugPaused:
                EventPayloadJson.Deserialize<DebugPausedPayload>(json);
                execution.DebugContextJson = json;
                SetStatus(ExecutionStatus.Paused, reason: "debug mode paused the execution", timestamp);
                break;
            case EventKinds.ArtifactSaved:
                var a = EventPayloadJson.Deserialize<ArtifactSavedPayload>(json);
                db.Artifacts.Add(new ArtifactRecord
                {
                    ExecutionId = execution.Id, Sequence = sequence, StepPath = a.StepPath, Name = a.Name, ContentType = a.ContentType,
                    Size = a.Size, Sha256 = a.Sha256, Path = a.Path, CreatedAt = timestamp,
                });
                break;
            case EventKinds.ExecutionFinished:
                var done = EventPayloadJson.Deserialize<ExecutionFinishedPayload>(json);
                var final = WireStatus.ParseExecution(done.Status);
                var current = WireStatus.ParseExecution(execution.Status);
                // The Runner's final word wins over a heartbeat-based "interrupted" guess, but not over other final states.
                if (!current.IsTerminal() || current == ExecutionStatus.Interrupted)
                {
                    execution.Status = final.ToWire();
                    execution.Error = done.Error;
                    execution.FinishedAt = timestamp;
                    execution.Reason = null; // a passing state's reason ("paused at step boundary", a heartbeat guess) ends with the run
                }
                break;
            default:
                logger.LogWarning("Ignoring unknown event kind {Kind} (#{Sequence}) of execution {ExecutionId}", kind, sequence, execution.Id);
                break;
        }
    }

    private void SetStatus(ExecutionStatus status, string? reason, DateTimeOffset timestamp)
    {
        if (WireStatus.ParseExecution(execution.Status).IsTerminal()) return;
        execution.Status = status.ToWire();
        execution.Reason = reason;
        if (status.IsTerminal()) execution.FinishedAt ??= timestamp;
    }

    private static StepResultRecord NewRow(string stepPath, string stepId) => new()
    {
        StepPath = stepPath, StepId = stepId, Name = stepId, Type = string.Empty, Status = StepStatus.Pending.ToWire(),
    };
}
