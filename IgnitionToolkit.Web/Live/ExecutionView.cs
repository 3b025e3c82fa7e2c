using System.Text.Json;
using IgnitionToolkit.Web.Api;
using IgnitionToolkit.Web.Api.Models;

namespace IgnitionToolkit.Web.Live;

public enum ApplyOutcome { Applied, NothingNew, NeedsResync }

/// <summary>
/// What the execution page shows: the REST state plus the live events applied on top of it. Events at or below
/// <see cref="LastSequence"/> are ignored (already in the state), a gap asks for a REST resynchronisation, so nothing
/// is lost or doubled across reconnects.
/// </summary>
public sealed class ExecutionView
{
    private ExecutionView(ExecutionDetail detail)
    {
        Execution = detail.Execution;
        Parameters = detail.Parameters;
        Steps = detail.Steps.Select(StepRow.From).ToList();
        Logs = [.. detail.Logs];
        Artifacts = [.. detail.Artifacts];
        DebugContext = detail.DebugContext;
        LastSequence = detail.Execution.LastSequence;
    }

    public ExecutionSummary Execution { get; private set; }
    public JsonElement Parameters { get; }
    public List<StepRow> Steps { get; }
    public List<LogLine> Logs { get; }
    public List<ArtifactModel> Artifacts { get; }
    public JsonElement? DebugContext { get; private set; }
    public long LastSequence { get; private set; }

    public static ExecutionView From(ExecutionDetail detail) => new(detail);

    public ApplyOutcome Apply(ExecutionEvents batch)
    {
        var applied = false;
        foreach (var e in batch.Events.OrderBy(e => e.Sequence))
        {
            if (e.Sequence <= LastSequence) continue;
            if (e.Sequence > LastSequence + 1) return ApplyOutcome.NeedsResync;
            ApplyOne(e);
            LastSequence = e.Sequence;
            applied = true;
        }
        if (!applied) return ApplyOutcome.NothingNew;
        if (batch.LastSequence == LastSequence) Execution = Execution with { Status = batch.Status, LastSequence = LastSequence };
        return ApplyOutcome.Applied;
    }

    /// <summary>Applies a status the API reported outside the event stream (e.g. after a control command).</summary>
    public void SetStatus(string status) => Execution = Execution with { Status = status };

    private void ApplyOne(LiveEvent e)
    {
        var p = e.Payload;
        switch (e.Kind)
        {
            case "execution_started":
                Execution = Execution with { Status = "running", StartedAt = Execution.StartedAt ?? e.Timestamp, StepCount = Int(p, "stepCount") ?? Execution.StepCount };
                break;
            case "status_changed":
                Execution = Execution with { Status = Str(p, "status") ?? Execution.Status, Reason = Str(p, "reason") };
                break;
            case "step_started":
                var started = Row(Str(p, "stepPath") ?? "?", Str(p, "parentPath"));
                started.StepId = Str(p, "stepId") ?? started.StepId;
                started.Name = Str(p, "stepName") ?? started.Name;
                started.Type = Str(p, "stepType") ?? started.Type;
                started.Attempt = Int(p, "attempt") ?? started.Attempt;
                started.Status = "running";
                started.StartedAt = e.Timestamp;
                started.FinishedAt = null;
                started.DurationMs = null;
                started.Error = null;
                break;
            case "step_finished":
                var finished = Row(Str(p, "stepPath") ?? "?", Str(p, "parentPath"));
                finished.Status = Str(p, "status") ?? finished.Status;
                finished.FinishedAt = e.Timestamp;
                finished.DurationMs = p.TryGetProperty("durationMs", out var d) && d.ValueKind == JsonValueKind.Number ? d.GetDouble() : null;
                finished.Error = Str(p, "error");
                finished.Outputs = p.TryGetProperty("outputs", out var o) ? o.Clone() : null;
                break;
            case "log":
                Logs.Add(new LogLine(e.Sequence, e.Timestamp, Str(p, "stepPath"), Str(p, "level") ?? "info", Str(p, "message") ?? ""));
                break;
            case "debug_paused":
                DebugContext = p.Clone();
                Execution = Execution with { Status = "paused" };
                break;
            case "artifact_saved":
                Artifacts.Add(new ArtifactModel(Str(p, "stepPath"), Str(p, "name") ?? "artifact", Str(p, "contentType") ?? "application/octet-stream",
                    p.TryGetProperty("size", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetInt64() : 0, Str(p, "sha256"), Str(p, "path"), e.Timestamp));
                break;
            case "execution_finished":
                Execution = Execution with { Status = Str(p, "status") ?? Execution.Status, Error = Str(p, "error"), FinishedAt = e.Timestamp, Reason = null };
                break;
        }
    }

    private StepRow Row(string path, string? parent)
    {
        var row = Steps.FirstOrDefault(s => s.StepPath == path);
        if (row is not null) return row;
        var depth = parent is null ? 0 : (Steps.FirstOrDefault(s => s.StepPath == parent)?.Depth ?? 0) + 1;
        row = new StepRow { StepPath = path, ParentPath = parent, Depth = depth, StepId = path, Name = path };
        Steps.Add(row);
        return row;
    }

    private static string? Str(JsonElement e, string name) => JsonFields.String(e, name);

    private static int? Int(JsonElement e, string name) => e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.TryGetInt32(out var i) ? i : null;
}

/// <summary>One step of the timeline (mutable: live events update it).</summary>
public sealed class StepRow
{
    public required string StepPath { get; init; }
    public string? ParentPath { get; init; }
    public int Depth { get; init; }
    public string StepId { get; set; } = "";
    public string Name { get; set; } = "";
    public string Type { get; set; } = "";
    public string Status { get; set; } = "pending";
    public int Attempt { get; set; } = 1;
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public double? DurationMs { get; set; }
    public JsonElement? Outputs { get; set; }
    public string? Error { get; set; }

    public static StepRow From(StepResultModel s) => new()
    {
        StepPath = s.StepPath, ParentPath = s.ParentPath, Depth = s.Depth, StepId = s.StepId, Name = s.Name, Type = s.Type,
        Status = s.Status, Attempt = s.Attempt, StartedAt = s.StartedAt, FinishedAt = s.FinishedAt, DurationMs = s.DurationMs,
        Outputs = s.Outputs, Error = s.Error,
    };
}
