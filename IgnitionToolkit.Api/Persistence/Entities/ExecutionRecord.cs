using IgnitionToolkit.Contracts;
using IgnitionToolkit.Contracts.Events;
using IgnitionToolkit.Core.Execution.Projection;
using IgnitionToolkit.Core.Execution.Status;
namespace IgnitionToolkit.Api.Persistence.Entities;

/// <summary>One execution of a playbook, as the API knows it (updated from the Runner's events through
/// <see cref="ExecutionProjection"/>). Its status changes only through <see cref="StatusMachine"/>.</summary>
public sealed class ExecutionRecord : IProjectedExecution
{
    public Guid Id { get; set; }
    /// <summary>Library-relative path of the playbook.</summary>
    public required string PlaybookPath { get; set; }
    public required string PlaybookName { get; set; }
    /// <summary>Stored as its wire name (value converter); a new execution is <c>pending</c>.</summary>
    public ExecutionStatus Status { get; private set; }
    public bool DebugMode { get; set; }
    /// <summary>Start parameters as a JSON object with secret values masked.</summary>
    public required string ParametersJson { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public string? Error { get; set; }
    /// <summary>Why the execution is in its status (e.g. the Runner that stopped sending heartbeats).</summary>
    public string? Reason { get; set; }
    public string? RunnerId { get; set; }
    public int? StepCount { get; set; }
    /// <summary>Highest event sequence number applied, in order, from the Runner (0: none).</summary>
    public long LastAppliedSequence { get; set; }
    public DateTimeOffset? LastHeartbeatAt { get; set; }
    public string? StartedBy { get; set; }
    /// <summary>The schedule that started this execution (null: started by hand); kept when the schedule is deleted.</summary>
    public Guid? ScheduleId { get; set; }
    /// <summary>The schedule's name when it started this execution.</summary>
    public string? ScheduleName { get; set; }
    /// <summary>Context captured by debug mode at the last pause (JSON), if any.</summary>
    public string? DebugContextJson { get; set; }
    /// <summary>The playbook text as it runs after an edit while paused (<c>pending_steps_edited</c>); null when never edited.</summary>
    public string? EditedPlaybookYaml { get; set; }
    /// <summary>The fleet run that started this execution, if any.</summary>
    public Guid? FleetRunId { get; set; }
    /// <summary>The vault credential named at the start (<c>credential_name</c>): run again and resume resolve it again from the vault.</summary>
    public string? CredentialName { get; set; }
    /// <summary>Names of the parameters filled from <see cref="CredentialName"/> (JSON array): run again leaves them out so they are filled afresh.</summary>
    public string? FilledParametersJson { get; set; }
    /// <summary>The run's timeout overrides (JSON object name → seconds, <c>StartTimeouts</c>), if any: run again and resume keep them.</summary>
    public string? TimeoutOverridesJson { get; set; }
    /// <summary>SHA-256 of the playbook text it ran (<c>PlaybookVerifications.Hash</c>): the revision, compared by run again and resume.</summary>
    public string? PlaybookHash { get; set; }
    /// <summary>The execution this one resumes (its earlier steps' variables and outputs reused), if any.</summary>
    public Guid? ResumedFromId { get; set; }
    /// <summary>Id of the top-level step this execution resumed at.</summary>
    public string? ResumedAtStep { get; set; }
    /// <summary>Started by the API itself (<c>resume: auto</c>) when the execution it resumes was interrupted.</summary>
    public bool ResumedAutomatically { get; set; }
    /// <summary>Kept by history retention however old it is (<c>POST /api/v1/executions/{id}/pin</c>).</summary>
    public bool Pinned { get; set; }
    /// <summary>Optimistic concurrency token, incremented on every tracked change.</summary>
    public int Version { get; set; }

    void IExecutionStatusHolder.Write(ExecutionStatusChange change)
    {
        Status = change.Status;
        Reason = change.Reason;
        FinishedAt = change.FinishedAt;
        Version = change.Version;
    }

    DebugContext? IProjectedExecution.DebugContext { set => DebugContextJson = value is null ? null : ContractJson.Serialize(value); }
}
