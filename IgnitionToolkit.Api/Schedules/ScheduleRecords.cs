namespace IgnitionToolkit.Api.Schedules;

/// <summary>A schedule: which playbook to start with which parameters and credential, when (a cron expression in an
/// IANA time zone), and what to do when the previous run is still going or runs were missed.</summary>
public sealed class ScheduleRecord
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    /// <summary>Library-relative path of the playbook.</summary>
    public required string PlaybookPath { get; set; }
    /// <summary>Start parameters as a JSON object; never a secret value (refused when the schedule is saved).</summary>
    public required string ParametersJson { get; set; }
    /// <summary>A vault credential's name (never its values), as <c>credential_name</c> of a start request.</summary>
    public string? CredentialName { get; set; }
    /// <summary>When set, each run is a fleet run over this selection (<see cref="ScheduleFleetTarget"/> as JSON) instead of one execution.</summary>
    public string? FleetTargetJson { get; set; }
    /// <summary>The timing as the user gave it (preset or cron), JSON, so the form shows it again.</summary>
    public required string TimingJson { get; set; }
    /// <summary>The 5-field cron expression the timing compiles to (what the scheduler reads).</summary>
    public required string Cron { get; set; }
    /// <summary>IANA time zone the cron expression is read in.</summary>
    public required string TimeZone { get; set; }
    public bool Enabled { get; set; }
    /// <summary>Wire name of <see cref="OverlapPolicy"/>.</summary>
    public required string Overlap { get; set; }
    /// <summary>Wire name of <see cref="MissedRunsPolicy"/>.</summary>
    public required string MissedRuns { get; set; }
    /// <summary>The next occurrence not handled yet (UTC); null while disabled.</summary>
    public DateTimeOffset? NextDueAt { get; set; }
    /// <summary>The last occurrence handled (UTC).</summary>
    public DateTimeOffset? LastDueAt { get; set; }
    /// <summary>What happened at <see cref="LastDueAt"/> (started, skipped and why...).</summary>
    public string? LastOutcome { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
    /// <summary>Optimistic concurrency token: of two API instances handling the same due time, one saves.</summary>
    public int Version { get; set; }
}

/// <summary>One occurrence of a schedule that came due, and what was done with it. Unique per (schedule, due time):
/// the row is the claim that lets only one API instance start that run.</summary>
public sealed class ScheduleRunRecord
{
    public Guid Id { get; set; }
    public Guid ScheduleId { get; set; }
    /// <summary>The occurrence (UTC).</summary>
    public DateTimeOffset DueAt { get; set; }
    /// <summary>Wire name of <see cref="ScheduleRunState"/>.</summary>
    public required string State { get; set; }
    public string? Detail { get; set; }
    public Guid? ExecutionId { get; set; }
    /// <summary>The fleet run started for this occurrence (schedules that target a fleet).</summary>
    public Guid? FleetRunId { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    /// <summary>The API instance that claimed the occurrence.</summary>
    public string? Instance { get; set; }
    public int Version { get; set; }
}

public enum OverlapPolicy { Skip, Queue, Parallel }

public enum MissedRunsPolicy { Skip, RunOnce }

public enum ScheduleRunState { Started, Queued, Skipped, Missed, Failed }
