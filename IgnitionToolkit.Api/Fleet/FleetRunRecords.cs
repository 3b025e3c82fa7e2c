namespace IgnitionToolkit.Api.Fleet;

/// <summary>One playbook started on every gateway of a selection, at most <see cref="MaxParallel"/> at a time.</summary>
public sealed class FleetRunRecord
{
    public Guid Id { get; set; }
    public required string PlaybookPath { get; set; }
    public required string PlaybookName { get; set; }
    /// <summary>The parameters given to every execution (JSON object; secret-looking names are refused, so none is stored).</summary>
    public required string ParametersJson { get; set; }
    /// <summary>The selection as given (<c>{"gateways":[...],"tags":{...}}</c>), kept for the record.</summary>
    public required string SelectionJson { get; set; }
    public int MaxParallel { get; set; }
    /// <summary>After this many failed gateways, those not started yet are skipped (null: never stop).</summary>
    public int? StopAfterFailures { get; set; }
    /// <summary><see cref="FleetStatuses"/>: running, completed, failed, stopped, cancelled.</summary>
    public required string Status { get; set; }
    public string? StopReason { get; set; }
    /// <summary>Set by <c>POST /fleet-runs/{id}/cancel</c>: nothing more starts, running executions are cancelled.</summary>
    public bool CancelRequested { get; set; }
    public string? StartedBy { get; set; }
    /// <summary>The schedule that started the run (null: started by hand).</summary>
    public Guid? ScheduleId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    /// <summary>Optimistic concurrency token: whoever starts executions of the run first bumps it (see FleetRunAdvancer).</summary>
    public int Version { get; set; }
}

/// <summary>One gateway of a fleet run: the target as it was when the run was created, and the execution started for it.</summary>
public sealed class FleetRunGatewayRecord
{
    public Guid Id { get; set; }
    public Guid FleetRunId { get; set; }
    /// <summary>Position in the run (gateways start in this order: by name).</summary>
    public int Order { get; set; }
    public Guid GatewayId { get; set; }
    public required string GatewayName { get; set; }
    public required string GatewayUrl { get; set; }
    public string? CredentialName { get; set; }
    public int? ConcurrencyLimit { get; set; }
    /// <summary><c>waiting</c>, <c>starting</c>, an execution status, or <c>skipped</c>.</summary>
    public required string Status { get; set; }
    public Guid? ExecutionId { get; set; }
    /// <summary>When an instance claimed the row to start its execution.</summary>
    public DateTimeOffset? ClaimedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    /// <summary>Id of the first step that failed (for a failed execution).</summary>
    public string? FailedStep { get; set; }
    public string? Error { get; set; }
}
