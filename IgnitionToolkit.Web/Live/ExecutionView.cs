using System.Text.Json;
using IgnitionToolkit.Contracts;
using IgnitionToolkit.Contracts.Events;
using IgnitionToolkit.Contracts.Live;
using IgnitionToolkit.Core.Execution.Projection;
using IgnitionToolkit.Core.Execution.Status;
using IgnitionToolkit.Web.Api.Models;

namespace IgnitionToolkit.Web.Live;

public enum ApplyOutcome { Applied, NothingNew, NeedsResync }

/// <summary>
/// What the execution page shows: the REST state plus the live events applied on top of it with the projection the API
/// uses (<see cref="ExecutionProjection"/>). Events at or below <see cref="LastSequence"/> are ignored (already in the
/// state), a gap asks for a REST resynchronisation, so nothing is lost or doubled across reconnects.
/// </summary>
public sealed class ExecutionView : IExecutionProjectionTarget
{
    private readonly LiveExecution _execution;

    private ExecutionView(ExecutionDetail detail)
    {
        _execution = new LiveExecution(detail.Execution) { DebugContextElement = detail.DebugContext };
        Parameters = detail.Parameters;
        Steps = detail.Steps.Select(StepRow.From).ToList();
        Logs = [.. detail.Logs];
        Artifacts = [.. detail.Artifacts];
        LastSequence = detail.Execution.LastSequence;
    }

    public ExecutionSummary Execution => _execution.Summary;
    public JsonElement Parameters { get; }
    public List<StepRow> Steps { get; }
    public List<LogLine> Logs { get; }
    public List<ArtifactModel> Artifacts { get; }
    public JsonElement? DebugContext => _execution.DebugContextElement;
    public long LastSequence { get; private set; }

    IProjectedExecution IExecutionProjectionTarget.Execution => _execution;

    public static ExecutionView From(ExecutionDetail detail) => new(detail);

    public ApplyOutcome Apply(ExecutionEventsMessage batch)
    {
        var applied = false;
        foreach (var e in batch.Events.OrderBy(e => e.Sequence))
        {
            if (e.Sequence <= LastSequence) continue;
            if (e.Sequence > LastSequence + 1) return ApplyOutcome.NeedsResync;
            ExecutionProjection.Apply(this, e.Sequence, e.Event);
            LastSequence = e.Sequence;
            applied = true;
        }
        if (!applied) return ApplyOutcome.NothingNew;
        // the API's status after the batch is the stored one: shown as it is (a state read, like the REST state)
        var status = batch.LastSequence == LastSequence ? batch.Status.ToWire() : _execution.Summary.Status;
        _execution.Summary = _execution.Summary with { Status = status, LastSequence = LastSequence };
        return ApplyOutcome.Applied;
    }

    public void SetPinned(bool pinned) => _execution.Summary = _execution.Summary with { Pinned = pinned };

    IProjectedStep IExecutionProjectionTarget.Step(string stepPath, string? parentPath, string stepId, long sequence)
    {
        var row = Steps.FirstOrDefault(s => s.StepPath == stepPath);
        if (row is not null) return row;
        var depth = parentPath is null ? 0 : (Steps.FirstOrDefault(s => s.StepPath == parentPath)?.Depth ?? 0) + 1;
        row = new StepRow { StepPath = stepPath, ParentPath = parentPath, Depth = depth, StepId = stepId, Name = stepId };
        Steps.Add(row);
        return row;
    }

    void IExecutionProjectionTarget.AddLog(long sequence, LogEvent log) =>
        Logs.Add(new LogLine(sequence, log.Timestamp, log.StepPath, log.Level, log.Message));

    void IExecutionProjectionTarget.AddArtifact(long sequence, ArtifactSavedEvent a) =>
        Artifacts.Add(new ArtifactModel(a.StepPath, a.Name, a.ContentType, a.Size, a.Sha256, a.Path, a.Timestamp));

    /// <summary>The REST summary as the projection updates it.</summary>
    private sealed class LiveExecution(ExecutionSummary summary) : IProjectedExecution
    {
        private int _version;

        public ExecutionSummary Summary { get; set; } = summary;
        public JsonElement? DebugContextElement { get; set; }

        public ExecutionStatus Status => WireNames.TryParse<ExecutionStatus>(Summary.Status, out var s) ? s : ExecutionStatus.Pending;
        public DateTimeOffset? FinishedAt => Summary.FinishedAt;
        public int Version => _version;

        public DateTimeOffset? StartedAt { get => Summary.StartedAt; set => Summary = Summary with { StartedAt = value }; }
        public int? StepCount { get => Summary.StepCount; set => Summary = Summary with { StepCount = value }; }
        public string? Error { get => Summary.Error; set => Summary = Summary with { Error = value }; }

        public DebugContext? DebugContext
        {
            set => DebugContextElement = value is null ? null : JsonSerializer.SerializeToElement(value, ContractJson.Options);
        }

        void IExecutionStatusHolder.Write(ExecutionStatusChange change)
        {
            Summary = Summary with { Status = change.Status.ToWire(), Reason = change.Reason, FinishedAt = change.FinishedAt };
            _version = change.Version;
        }
    }
}

/// <summary>One step of the timeline (mutable: live events update it through the projection).</summary>
public sealed class StepRow : IProjectedStep
{
    public required string StepPath { get; init; }
    public string? ParentPath { get; set; }
    public int Depth { get; init; }
    public string StepId { get; set; } = "";
    public string Name { get; set; } = "";
    public string Type { get; set; } = "";
    public string Status { get; private set; } = "pending";
    public int Attempt { get; set; } = 1;
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public double? DurationMs { get; set; }
    public JsonElement? Outputs { get; set; }
    public string? Error { get; set; }

    StepStatus IStepStatusHolder.Status => WireNames.TryParse<StepStatus>(Status, out var s) ? s : StepStatus.Pending;

    void IStepStatusHolder.Write(StepStatus status) => Status = status.ToWire();

    IReadOnlyDictionary<string, object?> IProjectedStep.Outputs { set => Outputs = JsonSerializer.SerializeToElement(value, ContractJson.Options); }

    public static StepRow From(StepResultModel s) => new()
    {
        StepPath = s.StepPath, ParentPath = s.ParentPath, Depth = s.Depth, StepId = s.StepId, Name = s.Name, Type = s.Type,
        Status = s.Status, Attempt = s.Attempt, StartedAt = s.StartedAt, FinishedAt = s.FinishedAt, DurationMs = s.DurationMs,
        Outputs = s.Outputs, Error = s.Error,
    };
}
