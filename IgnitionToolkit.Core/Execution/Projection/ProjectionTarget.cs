using IgnitionToolkit.Contracts.Events;
using IgnitionToolkit.Core.Execution.Status;

namespace IgnitionToolkit.Core.Execution.Projection;

/// <summary>What <see cref="ExecutionProjection"/> writes to: the API's rows of one execution, or the Web's live view.</summary>
public interface IExecutionProjectionTarget
{
    IProjectedExecution Execution { get; }

    /// <summary>The step at <paramref name="stepPath"/>, added (status pending, name = id, ordered by
    /// <paramref name="sequence"/>) when it is not there yet.</summary>
    IProjectedStep Step(string stepPath, string? parentPath, string stepId, long sequence);

    void AddLog(long sequence, LogEvent log);

    void AddArtifact(long sequence, ArtifactSavedEvent artifact);
}

/// <summary>The execution as the projection updates it; its status changes only through <see cref="StatusMachine"/>.</summary>
public interface IProjectedExecution : IExecutionStatusHolder
{
    DateTimeOffset? StartedAt { get; set; }
    int? StepCount { get; set; }
    string? Error { get; set; }

    /// <summary>The context of the last debug pause.</summary>
    DebugContext? DebugContext { set; }

    /// <summary>The playbook text as it runs after an edit while paused; views that do not keep it ignore it.</summary>
    string? EditedPlaybookYaml { set { } }
}

/// <summary>One step as the projection updates it; its status changes only through <see cref="StatusMachine"/>.</summary>
public interface IProjectedStep : IStepStatusHolder
{
    string? ParentPath { get; set; }
    string StepId { get; set; }
    string Name { get; set; }
    string Type { get; set; }
    int Attempt { get; set; }
    DateTimeOffset? StartedAt { get; set; }
    DateTimeOffset? FinishedAt { get; set; }
    double? DurationMs { get; set; }
    string? Error { get; set; }
    IReadOnlyDictionary<string, object?> Outputs { set; }

    /// <summary>The playbook's variables after a top-level step finished (what a resume starts with); views that do
    /// not keep them ignore it.</summary>
    IReadOnlyDictionary<string, object?>? Variables { set { } }
}
