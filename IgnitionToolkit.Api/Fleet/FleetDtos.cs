using System.Text.Json;

namespace IgnitionToolkit.Api.Fleet;

/// <summary>Body of <c>POST /api/v1/fleet-runs</c>.</summary>
/// <param name="Playbook">Library-relative path; the playbook must declare a <c>gateway_url</c> parameter.</param>
/// <param name="Parameters">Parameters for every execution (not <c>gateway_url</c>, filled per gateway; no secrets: those come
/// from the gateway's credential).</param>
/// <param name="Selection">Gateway names and/or tags (<see cref="FleetSelection"/>).</param>
/// <param name="MaxParallel">At most this many executions of the run at once (1-100, default 5).</param>
/// <param name="StopAfterFailures">After this many failed gateways, the ones not started are skipped (null: never stop).</param>
public sealed record StartFleetRunRequest(
    string? Playbook, JsonElement? Parameters, FleetSelection? Selection, int? MaxParallel = null, int? StopAfterFailures = null);

/// <summary>One gateway of a fleet run with its execution (status follows the execution live).</summary>
public sealed record FleetRunGatewayDto(
    string Gateway, string Url, string Status, Guid? ExecutionId, string? ExecutionUrl, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt,
    double? DurationMs, string? FailedStep, string? Error);

public sealed record FleetRunCounts(int Total, int Waiting, int Active, int Completed, int Failed, int Skipped);

public sealed record FleetRunDto(
    Guid Id, string PlaybookPath, string PlaybookName, string Status, string? StopReason, int MaxParallel, int? StopAfterFailures,
    JsonElement Selection, JsonElement Parameters, string? StartedBy, DateTimeOffset CreatedAt, DateTimeOffset? FinishedAt,
    FleetRunCounts Counts, IReadOnlyList<FleetRunGatewayDto> Gateways, Guid? ScheduleId = null);
