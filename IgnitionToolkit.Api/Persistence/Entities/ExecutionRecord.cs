namespace IgnitionToolkit.Api.Persistence.Entities;

/// <summary>One execution of a playbook, as the API knows it (updated from the Runner's events).</summary>
public sealed class ExecutionRecord
{
    public Guid Id { get; set; }
    /// <summary>Library-relative path of the playbook.</summary>
    public required string PlaybookPath { get; set; }
    public required string PlaybookName { get; set; }
    /// <summary>Wire name of <see cref="Core.Execution.ExecutionStatus"/>.</summary>
    public required string Status { get; set; }
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
    /// <summary>Optimistic concurrency token, incremented on every tracked change.</summary>
    public int Version { get; set; }
}
