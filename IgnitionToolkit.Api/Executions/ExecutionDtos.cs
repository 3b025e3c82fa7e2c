using System.Text.Json;

namespace IgnitionToolkit.Api.Executions;

/// <param name="Playbook">Library-relative path of the playbook.</param>
/// <param name="Parameters">Start parameters as a JSON object (types preserved).</param>
/// <param name="CredentialName">A vault credential; a gateway_login fills the declared gateway_url/username/password parameters
/// not given (and their v2/v5 names: url, user, gateway_username, pass, gateway_password); <c>credential</c> parameters left empty name it.</param>
/// <param name="TimeoutOverrides">Per-run timeouts in seconds: <c>gateway_restart</c>, <c>module_install</c> (<see cref="StartTimeouts"/>).</param>
public sealed record StartExecutionRequest(string? Playbook, JsonElement? Parameters, bool DebugMode = false, string? StartedBy = null,
    string? CredentialName = null, IReadOnlyDictionary<string, double>? TimeoutOverrides = null);

public sealed record ExecutionSummaryDto(
    Guid Id, string PlaybookPath, string PlaybookName, string Status, bool DebugMode,
    DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt,
    string? Error, string? Reason, string? RunnerId, int? StepCount, string? StartedBy, DateTimeOffset? LastHeartbeatAt,
    long LastSequence = 0, Guid? FleetRunId = null, bool Pinned = false, Guid? ScheduleId = null, string? ScheduleName = null,
    Guid? ResumedFromId = null, string? ResumedAtStep = null, bool ResumedAutomatically = false,
    IReadOnlyDictionary<string, double>? TimeoutOverrides = null);

public sealed record StepResultDto(
    string StepPath, string? ParentPath, int Depth, string StepId, string Name, string Type, string Status, int Attempt,
    DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, double? DurationMs, JsonElement? Outputs, string? Error);

public sealed record LogLineDto(long Sequence, DateTimeOffset Timestamp, string? StepPath, string Level, string Message);

public sealed record ArtifactDto(string? StepPath, string Name, string ContentType, long Size, string Sha256, string Path, DateTimeOffset CreatedAt);

public sealed record ExecutionDetailDto(
    ExecutionSummaryDto Execution, JsonElement Parameters, IReadOnlyList<StepResultDto> Steps,
    IReadOnlyList<LogLineDto> Logs, IReadOnlyList<ArtifactDto> Artifacts, JsonElement? DebugContext);

public sealed record PagedResponse<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount, int TotalPages);

/// <summary><c>POST /executions/delete</c>: the executions to delete (all finished, or none is deleted).</summary>
public sealed record DeleteExecutionsRequest(IReadOnlyList<Guid>? Ids);

public sealed record DeletedExecutionsDto(int Deleted, IReadOnlyList<Guid> Ids);

public sealed record ControlAccepted(Guid ExecutionId, string Command, string Status);
