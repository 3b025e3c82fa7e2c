using IgnitionToolkit.Core.Playbooks;
using IgnitionToolkit.Contracts;

namespace IgnitionToolkit.Core.Execution;

/// <summary>Everything needed to run one playbook.</summary>
public sealed record ExecutionRequest(
    Guid ExecutionId,
    Playbook Playbook,
    IReadOnlyDictionary<string, object?> Parameters,
    bool DebugMode = false)
{
    /// <summary>Credentials by name (field → value), available to <c>{{ credential.name.field }}</c>. Values are masked in every event.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Credentials { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, string>>();

    /// <summary>Folder where the execution's artifacts go.</summary>
    public string? ArtifactDirectory { get; init; }

    /// <summary>Where nested playbooks (<c>playbook.run</c>) are found; null disables nesting.</summary>
    public IPlaybookSource? PlaybookSource { get; init; }

    /// <summary>Resume: start at a top-level step, seeded with what an earlier execution's steps before it left; null: from the first step.</summary>
    public ResumePoint? Resume { get; init; }

    /// <summary>Per-run timeouts in seconds by <c>TimeoutOverrideNames</c> name: a step whose type follows one
    /// (<see cref="Plugins.StepTypeDescriptor.TimeoutOverride"/>) and writes no <c>timeout</c> gets it.</summary>
    public IReadOnlyDictionary<string, double> TimeoutOverrides { get; init; } = new Dictionary<string, double>();
}

/// <summary>Control surface of a running execution (pause, resume, skip, skip back, cancel).</summary>
public interface IExecutionControl
{
    ExecutionStatus Status { get; }
    void Send(ExecutionCommand command);
}

/// <summary>Runs playbooks through the registered step plugins.</summary>
public interface IPlaybookEngine
{
    /// <summary>Starts the execution and returns its control handle and a task that completes with the final status.</summary>
    RunningExecution Start(ExecutionRequest request, IExecutionObserver observer, CancellationToken cancellationToken);
}

public sealed record RunningExecution(IExecutionControl Control, Task<ExecutionStatus> Completion);
