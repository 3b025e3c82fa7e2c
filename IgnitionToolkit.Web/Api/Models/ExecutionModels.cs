using System.Text.Json;
using IgnitionToolkit.Contracts;
using IgnitionToolkit.Core.Execution.Status;

namespace IgnitionToolkit.Web.Api.Models;

public sealed record ExecutionSummary(
    Guid Id, string PlaybookPath, string PlaybookName, string Status, bool DebugMode,
    DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt,
    string? Error, string? Reason, string? RunnerId, int? StepCount, string? StartedBy, DateTimeOffset? LastHeartbeatAt,
    long LastSequence, Guid? FleetRunId = null, bool Pinned = false, Guid? ScheduleId = null, string? ScheduleName = null,
    Guid? ResumedFromId = null, string? ResumedAtStep = null, bool ResumedAutomatically = false,
    IReadOnlyDictionary<string, double>? TimeoutOverrides = null)
{
    public TimeSpan? Duration => StartedAt is { } s ? (FinishedAt ?? DateTimeOffset.UtcNow) - s : null;
}

public sealed record StepResultModel(
    string StepPath, string? ParentPath, int Depth, string StepId, string Name, string Type, string Status, int Attempt,
    DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, double? DurationMs, JsonElement? Outputs, string? Error);

public sealed record LogLine(long Sequence, DateTimeOffset Timestamp, string? StepPath, string Level, string Message);

public sealed record ArtifactModel(string? StepPath, string Name, string ContentType, long Size, string? Sha256, string? Path, DateTimeOffset? CreatedAt)
{
    public bool IsImage => ContentType.StartsWith("image/", StringComparison.OrdinalIgnoreCase);
}

public sealed record ExecutionDetail(
    ExecutionSummary Execution, JsonElement Parameters, IReadOnlyList<StepResultModel> Steps, IReadOnlyList<LogLine> Logs,
    IReadOnlyList<ArtifactModel> Artifacts, JsonElement? DebugContext);

public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount, int TotalPages);

public sealed record DeletedExecutions(int Deleted, IReadOnlyList<Guid> Ids);

public sealed record StartExecutionModel(string Playbook, Dictionary<string, object?> Parameters, bool DebugMode, string? StartedBy, string? CredentialName,
    IReadOnlyDictionary<string, double>? TimeoutOverrides = null);

/// <summary>Execution statuses by wire name, as the REST models carry them; the rules are Core's (<see cref="StatusRules"/>).</summary>
public static class ExecutionStatuses
{
    public static readonly string[] All = [.. Enum.GetValues<ExecutionStatus>().Select(s => s.ToWire())];

    public static bool IsTerminal(string status) => WireNames.TryParse<ExecutionStatus>(status, out var parsed) && parsed.IsTerminal();

    /// <summary>Failed, cancelled or interrupted: it can be resumed from a step.</summary>
    public static bool IsResumable(string status) => status is "failed" or "cancelled" or "interrupted";
}
