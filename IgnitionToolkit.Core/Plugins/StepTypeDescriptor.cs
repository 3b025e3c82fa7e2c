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
    Func<IReadOnlyDictionary<string, object?>, IReadOnlyDictionary<string, object?>>? Transform = null)
{
    /// <summary>Notes on the parameters as written (after <see cref="ParameterMap"/>, before <see cref="Transform"/>),
    /// e.g. a value read in another unit than written: each becomes a validation warning at that parameter's line.</summary>
    public Func<IReadOnlyDictionary<string, object?>, IEnumerable<StepAliasNote>>? Notes { get; init; }
}

/// <summary>A warning about one parameter of a step written with a deprecated alias.</summary>
public sealed record StepAliasNote(string Parameter, string Message);

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

    /// <summary>When set, the step type is switched off on this deployment: validation rejects it with this reason
    /// (which names the setting) and the engine refuses to run it.</summary>
    public string? DisabledReason { get; init; }
    public IReadOnlyList<StepTypeAlias> AliasList => Aliases ?? [];
}
