using IgnitionToolkit.Contracts;
using IgnitionToolkit.Contracts.Events;
using IgnitionToolkit.Core.Execution.Projection;
using IgnitionToolkit.Core.Execution.Status;
namespace IgnitionToolkit.Api.Persistence.Entities;

/// <summary>The latest state of one step of an execution (one row per step path; re-runs update it).</summary>
public sealed class StepResultRecord : IProjectedStep
{
    public long Id { get; set; }
    public Guid ExecutionId { get; set; }
    /// <summary>Unique path of the step in the execution (<c>child/inner</c> for nested steps).</summary>
    public required string StepPath { get; set; }
    public string? ParentPath { get; set; }
    public required string StepId { get; set; }
    public required string Name { get; set; }
    public required string Type { get; set; }
    /// <summary>Stored as its wire name (value converter); changed only through <see cref="StatusMachine"/>.</summary>
    public StepStatus Status { get; private set; }
    public int Attempt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public double? DurationMs { get; set; }
    public string? OutputsJson { get; set; }
    public string? Error { get; set; }
    /// <summary>The playbook's variables after this top-level step finished (JSON, secrets masked by the engine): what a resume from a later step starts with.</summary>
    public string? VariablesJson { get; set; }
    /// <summary>Sequence number of the event that first reported this step: orders steps as they ran.</summary>
    public long Order { get; set; }

    void IStepStatusHolder.Write(StepStatus status) => Status = status;

    IReadOnlyDictionary<string, object?> IProjectedStep.Outputs { set => OutputsJson = ContractJson.Serialize(value); }

    IReadOnlyDictionary<string, object?>? IProjectedStep.Variables { set => VariablesJson = value is null ? null : ContractJson.Serialize(value); }
}
