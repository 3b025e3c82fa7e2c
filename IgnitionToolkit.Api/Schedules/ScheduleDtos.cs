using System.Text.Json;
using IgnitionToolkit.Api.Fleet;

namespace IgnitionToolkit.Api.Schedules;

/// <summary>Body of <c>POST /api/v1/schedules</c> and <c>PUT /api/v1/schedules/{id}</c> (PUT replaces the schedule).</summary>
/// <param name="Parameters">Start parameters as a JSON object; secret values are refused (name a vault credential instead).</param>
/// <param name="CredentialName">A vault credential, as <c>credential_name</c> of <c>POST /executions</c>.</param>
/// <param name="TimeZone">IANA time zone the timing is read in (default <c>UTC</c>).</param>
/// <param name="Overlap"><c>skip</c> (default), <c>queue</c> or <c>parallel</c>.</param>
/// <param name="MissedRuns"><c>skip</c> (default) or <c>run_once</c>.</param>
/// <param name="Fleet">When given, each run is a fleet run over these gateways (the playbook declares <c>gateway_url</c>;
/// each gateway's credential comes from the inventory, so <c>credential_name</c> stays empty).</param>
public sealed record ScheduleRequest(
    string? Name, string? Playbook, ScheduleTimingDto? Timing, JsonElement? Parameters = null, string? CredentialName = null,
    string? TimeZone = null, bool? Enabled = null, string? Overlap = null, string? MissedRuns = null, string? Description = null,
    ScheduleFleetTarget? Fleet = null);

/// <summary>A schedule's fleet target: the gateways (as <c>POST /fleet-runs</c>' selection) and the run's limits.</summary>
public sealed record ScheduleFleetTarget(FleetSelection? Selection, int? MaxParallel = null, int? StopAfterFailures = null);

public sealed record ScheduleDto(
    Guid Id, string Name, string? Description, string Playbook, JsonElement Parameters, string? CredentialName,
    ScheduleTimingDto Timing, string Cron, string TimeZone, bool Enabled, string Overlap, string MissedRuns,
    DateTimeOffset? NextRunAt, DateTimeOffset? LastDueAt, string? LastOutcome,
    DateTimeOffset CreatedAt, string? CreatedBy, DateTimeOffset UpdatedAt, string? UpdatedBy, ScheduleFleetTarget? Fleet);

/// <summary>One coming run: the instant in UTC and the same instant in the schedule's zone (with its offset).</summary>
public sealed record NextRunDto(DateTimeOffset Utc, DateTimeOffset Local, string TimeZone);

/// <summary>An occurrence the schedule handled: started (with its execution), queued, skipped, missed or failed to start.</summary>
public sealed record ScheduleRunDto(
    DateTimeOffset DueAt, string State, string? Detail, Guid? ExecutionId, string? ExecutionStatus, DateTimeOffset RecordedAt,
    Guid? FleetRunId = null, string? FleetRunStatus = null);

public static class ScheduleMapping
{
    public static ScheduleDto ToDto(ScheduleRecord s) => new(
        s.Id, s.Name, s.Description, s.PlaybookPath, JsonDocument.Parse(s.ParametersJson).RootElement.Clone(), s.CredentialName,
        JsonSerializer.Deserialize<ScheduleTimingDto>(s.TimingJson, TimingJson)!, s.Cron, s.TimeZone, s.Enabled, s.Overlap, s.MissedRuns,
        s.NextDueAt, s.LastDueAt, s.LastOutcome, s.CreatedAt, s.CreatedBy, s.UpdatedAt, s.UpdatedBy, FleetTargetOf(s));

    public static ScheduleFleetTarget? FleetTargetOf(ScheduleRecord s) =>
        s.FleetTargetJson is null ? null : JsonSerializer.Deserialize<ScheduleFleetTarget>(s.FleetTargetJson, TimingJson);

    /// <summary>How the timing is stored (snake_case, as the API shows it).</summary>
    public static readonly JsonSerializerOptions TimingJson = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };
}
