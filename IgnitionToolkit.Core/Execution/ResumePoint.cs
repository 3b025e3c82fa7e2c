namespace IgnitionToolkit.Core.Execution;

/// <summary>
/// Where a resumed execution starts: at the top-level step <see cref="StartAtStepId"/> (a nested <c>playbook.run</c>
/// resumes at its parent step), with the variables and step outputs that the steps before it left in the execution
/// <see cref="ResumedFrom"/>. The engine reports each step before it as <c>skipped</c> with the reason
/// <see cref="ReusedPrefix"/><c>&lt;id&gt;</c> and the outputs it reuses, then runs from the start step on.
/// </summary>
/// <param name="Variables">The playbook's variables after the last reused step (secrets were masked when stored).</param>
/// <param name="StepOutputs">Outputs of the reused steps that completed, by step id (<c>{{ step.&lt;id&gt;.&lt;output&gt; }}</c>).</param>
public sealed record ResumePoint(
    Guid ResumedFrom,
    string StartAtStepId,
    IReadOnlyDictionary<string, object?> Variables,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, object?>> StepOutputs)
{
    /// <summary>The error text of a reused step (status <c>skipped</c>): <c>reused from &lt;execution id&gt;</c>.</summary>
    public const string ReusedPrefix = "reused from ";

    /// <summary>The reason a reused step shows.</summary>
    public string Reason => ReusedPrefix + ResumedFrom;

    /// <summary>Whether a step's error says it was reused by a resume (and so counts as done before the resume point).</summary>
    public static bool IsReused(string? error) => error?.StartsWith(ReusedPrefix, StringComparison.Ordinal) == true;
}
