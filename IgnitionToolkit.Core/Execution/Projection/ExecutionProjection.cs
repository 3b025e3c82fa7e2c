using IgnitionToolkit.Contracts;
using IgnitionToolkit.Contracts.Events;
using IgnitionToolkit.Core.Execution.Status;

namespace IgnitionToolkit.Core.Execution.Projection;

/// <summary>
/// The one projection of execution events into an execution view, used by the API (its database rows) and the Web (its
/// live page). Pure: it changes only the target it is given; statuses change through <see cref="StatusMachine"/>. The
/// caller gives events in sequence order, each once (the API's applier and the Web's view both make sure of it).
/// </summary>
public static class ExecutionProjection
{
    /// <summary>Reason shown while debug mode holds the execution.</summary>
    public const string DebugPausedReason = "debug mode paused the execution";

    /// <summary>Applies one event; false when its kind is unknown (nothing changed).</summary>
    public static bool Apply(IExecutionProjectionTarget target, long sequence, ExecutionEvent executionEvent)
    {
        var execution = target.Execution;
        switch (executionEvent)
        {
            case ExecutionStartedEvent started:
                execution.StartedAt ??= started.Timestamp;
                execution.StepCount = started.StepCount;
                StatusMachine.TryMove(execution, ExecutionStatus.Running, started.Timestamp);
                return true;
            case ExecutionStatusChangedEvent changed:
                StatusMachine.TryMove(execution, changed.Status, changed.Timestamp, changed.Reason);
                return true;
            case StepStartedEvent s:
                StepStarted(target.Step(s.StepPath, s.ParentPath, s.StepId, sequence), s);
                return true;
            case StepFinishedEvent f:
                StepFinished(target.Step(f.StepPath, f.ParentPath, f.StepId, sequence), f);
                return true;
            case LogEvent log:
                target.AddLog(sequence, log);
                return true;
            case DebugPausedEvent paused:
                execution.DebugContext = paused.Context;
                StatusMachine.TryMove(execution, ExecutionStatus.Paused, paused.Timestamp, DebugPausedReason);
                return true;
            case ArtifactSavedEvent artifact:
                target.AddArtifact(sequence, artifact);
                return true;
            case PendingStepsEditedEvent edited:
                execution.StepCount = edited.FromIndex + edited.StepIds.Count;
                execution.EditedPlaybookYaml = edited.PlaybookYaml;
                return true;
            case ExecutionFinishedEvent finished:
                // a passing state's reason ("paused at step boundary", a heartbeat guess) ends with the run
                if (StatusMachine.TryMove(execution, finished.Status, finished.Timestamp, reason: null)) execution.Error = finished.Error;
                return true;
            default:
                return false;
        }
    }

    /// <summary>The step paths an event touches (the API loads those rows before applying a batch).</summary>
    public static string? StepPathOf(ExecutionEvent executionEvent) => executionEvent switch
    {
        StepStartedEvent s => s.StepPath,
        StepFinishedEvent f => f.StepPath,
        _ => null,
    };

    private static void StepStarted(IProjectedStep step, StepStartedEvent s)
    {
        if (!StatusMachine.TryMove(step, StepStatus.Running)) return;
        step.ParentPath = s.ParentPath;
        step.StepId = s.StepId;
        step.Name = s.StepName;
        step.Type = s.StepType;
        step.Attempt = s.Attempt;
        step.StartedAt = s.Timestamp;
        step.FinishedAt = null;
        step.DurationMs = null;
        step.Error = null;
    }

    private static void StepFinished(IProjectedStep step, StepFinishedEvent f)
    {
        if (!StatusMachine.TryMove(step, f.Status)) return;
        step.ParentPath ??= f.ParentPath;
        step.Attempt = Math.Max(step.Attempt, f.Attempt);
        step.FinishedAt = f.Timestamp;
        step.DurationMs = f.Duration.TotalMilliseconds;
        step.Error = f.Error;
        step.Outputs = f.Outputs ?? new Dictionary<string, object?>();
        if (f.Variables is not null) step.Variables = f.Variables;
    }
}
