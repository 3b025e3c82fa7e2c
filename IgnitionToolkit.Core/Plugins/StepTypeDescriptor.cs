namespace IgnitionToolkit.Core.Plugins;

public enum StepParameterType { String, Integer, Float, Boolean, List, Dict, Any, Credential, File }

/// <summary>Declares one parameter a step accepts.</summary>
public sealed record StepParameterSchema(
    string Name,
    StepParameterType Type,
    bool Required = false,
    object? Default = null,
    string Description = "",
    bool Secret = false,
    IReadOnlyList<string>? AllowedValues = null);

/// <summary>Declares one output a step produces, usable as <c>{{ step.&lt;id&gt;.&lt;name&gt; }}</c>.</summary>
public sealed record StepOutputSchema(string Name, StepParameterType Type, string Description = "");

/// <summary>
/// A deprecated (v2) name that resolves to this step type. <see cref="ParameterMap"/> renames old
/// parameters to new ones; <see cref="Transform"/> may convert values (e.g. milliseconds to seconds).
/// </summary>
public sealed record StepTypeAlias(
    string Name,
    IReadOnlyDictionary<string, string>? ParameterMap = null,
    Func<IReadOnlyDictionary<string, object?>, IReadOnlyDictionary<string, object?>>? Transform = null);

public sealed record StepTypeDescriptor(
    string Type,
    string Category,
    string Description,
    IReadOnlyList<StepParameterSchema> Parameters,
    IReadOnlyList<StepOutputSchema>? Outputs = null,
    IReadOnlyList<StepTypeAlias>? Aliases = null,
    /// <summary>When true, parameters not in the schema are accepted (e.g. playbook.run passes them to the child).</summary>
    bool AllowAdditionalParameters = false)
{
    public IReadOnlyList<StepOutputSchema> OutputList => Outputs ?? [];
    public IReadOnlyList<StepTypeAlias> AliasList => Aliases ?? [];
}
