namespace IgnitionToolkit.Core.Plugins.BuiltIn;

/// <summary><c>playbook.run</c>: runs another playbook; every other parameter is passed to it.</summary>
public sealed class RunPlaybookStep : IStepPlugin
{
    public StepTypeDescriptor Descriptor { get; } = new(
        "playbook.run", "playbook", "Runs a nested playbook; its steps appear under this step. Other parameters are the child's parameters.",
        [new StepParameterSchema("playbook", StepParameterType.String, Required: true, Description: "Path of the playbook (relative to this file, then to the library).")],
        Outputs:
        [
            new StepOutputSchema("status", StepParameterType.String, "completed or failed"),
            new StepOutputSchema("steps", StepParameterType.Integer, "Number of steps the child ran"),
            new StepOutputSchema("variables", StepParameterType.Dict, "The child's variables at its end"),
        ],
        AllowAdditionalParameters: true);

    public Task<StepResult> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
    {
        var playbook = context.GetRequiredString("playbook");
        var childParameters = context.Parameters
            .Where(p => p.Key != "playbook")
            .ToDictionary(p => p.Key, p => p.Value);
        return context.Host.RunNestedPlaybookAsync(playbook, childParameters, cancellationToken);
    }
}
