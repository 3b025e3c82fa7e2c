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
