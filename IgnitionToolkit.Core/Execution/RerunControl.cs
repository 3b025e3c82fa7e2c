namespace IgnitionToolkit.Core.Execution;

/// <summary>
/// Re-runs a step of a paused execution with edited parameters (the debug panel's "Re-run step"). Implemented by the
/// engine's control handle next to <see cref="IExecutionControl"/>: <c>running.Control as IStepRerunControl</c>.
/// </summary>
public interface IStepRerunControl
{
    /// <summary>
    /// Re-runs <paramref name="stepPath"/> with <paramref name="parameterOverrides"/> merged over its parameters (raw values:
    /// templates are resolved like the playbook's own; a null value removes the parameter so its default applies).
    /// The step must be the one the execution is paused at or the one that ran just before the pause. The edited
    /// parameters stay with the step for the rest of the execution. Returns null when accepted, otherwise why not
    /// (not paused, another step, invalid parameter: the message names the field).
    /// </summary>
    string? RerunStep(string stepPath, IReadOnlyDictionary<string, object?> parameterOverrides);
}

/// <summary>
/// Replaces the steps not yet run of a paused execution (edit while paused). Implemented by the engine's control handle:
/// <c>running.Control as IPendingStepsControl</c>.
/// </summary>
public interface IPendingStepsControl
{
    /// <summary>
    /// Replaces the top-level steps from <see cref="PendingStepsReplacement.FromIndex"/> on with those of
    /// <see cref="PendingStepsReplacement.Playbook"/>; the steps before it must be the ones the execution has run (same
    /// ids, same order). Accepted only while the execution is paused at that top-level step; the execution stays paused
    /// and runs the new steps on resume or step. Returns null when accepted, otherwise why not.
    /// </summary>
    string? ReplacePendingSteps(PendingStepsReplacement replacement);
}

/// <param name="FromIndex">The top-level step index the execution is paused at: the first step replaced.</param>
/// <param name="Playbook">The playbook as it runs from now on (validated: the library's loader, the same catalogue).</param>
/// <param name="PlaybookYaml">Its text, recorded in the execution's <c>pending_steps_edited</c> event.</param>
/// <param name="EditedBy">Who edited it.</param>
public sealed record PendingStepsReplacement(int FromIndex, IgnitionToolkit.Core.Playbooks.Playbook Playbook, string PlaybookYaml, string EditedBy);
