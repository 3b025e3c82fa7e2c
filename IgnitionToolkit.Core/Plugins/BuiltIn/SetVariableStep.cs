namespace IgnitionToolkit.Core.Plugins.BuiltIn;

/// <summary><c>utility.set_variable</c>: sets an execution variable, read back with <c>{{ variable.name }}</c>.</summary>
public sealed class SetVariableStep : IStepPlugin
{
    public StepTypeDescriptor Descriptor { get; } = new(
        "utility.set_variable", "utility", "Sets an execution variable.",
        [
            new StepParameterSchema("name", StepParameterType.String, Required: true, Description: "Variable name."),
            new StepParameterSchema("value", StepParameterType.Any, Required: true, Description: "Value; keeps its type."),
        ],
        Outputs: [new StepOutputSchema("name", StepParameterType.String), new StepOutputSchema("value", StepParameterType.Any)]);

    public Task<StepResult> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
    {
        var name = context.GetRequiredString("name");
        if (string.IsNullOrWhiteSpace(name)) throw new StepParameterException("name", "must not be empty");
        context.Parameters.TryGetValue("value", out var value);
        context.Variables[name] = value;
        return Task.FromResult(StepResult.Completed(new Dictionary<string, object?> { ["name"] = name, ["value"] = value }));
    }
}
