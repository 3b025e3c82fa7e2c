namespace IgnitionToolkit.Core.Plugins;

public enum StepParameterType { String, Integer, Float, Boolean, List, Dict, Any, Credential, File }

/// <summary>How values are written when a template is pasted into a larger string of this parameter.</summary>
public enum TemplateStyle
{
    /// <summary>Invariant text: booleans <c>true</c>/<c>false</c>, null as nothing, lists and maps as JSON.</summary>
    Text,
    /// <summary>Python's <c>str()</c>: <c>True</c>/<c>False</c>, <c>None</c>, lists and maps as Python literals
    /// (the script source of <c>utility.python</c>, where v5 scripts compare with <c>"True"</c>).</summary>
    Python,
}

/// <summary>Declares one parameter a step accepts.</summary>
public sealed record StepParameterSchema(
    string Name,
    StepParameterType Type,
    bool Required = false,
    object? Default = null,
    string Description = "",
    bool Secret = false,
    IReadOnlyList<string>? AllowedValues = null)
{
    /// <summary>How templates embedded in a longer string of this parameter render their values.</summary>
    public TemplateStyle TemplateStyle { get; init; }
}

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

    /// <summary>Other names a playbook may use for a parameter (other name → schema name); renamed when loading, silently.</summary>
    public IReadOnlyDictionary<string, string>? ParameterAliases { get; init; }

    /// <summary>When set, the step type is switched off on this deployment: validation rejects it with this reason
    /// (which names the setting) and the engine refuses to run it.</summary>
    public string? DisabledReason { get; init; }

    /// <summary>The step may set variables whose names are known only at run time (validation then warns instead of
    /// rejecting <c>{{ variable.x }}</c> after it).</summary>
    public bool SetsRunTimeVariables { get; init; }

    /// <summary>The step may produce outputs besides the declared ones (validation warns instead of rejecting them).</summary>
    public bool HasRunTimeOutputs { get; init; }

    /// <summary>The per-run timeout override this step type follows (a <c>TimeoutOverrideNames</c> name): when the run
    /// gives one and the step writes no <c>timeout</c>, the engine passes it as the step's <c>timeout</c> (seconds).</summary>
    public string? TimeoutOverride { get; init; }
    public IReadOnlyList<StepTypeAlias> AliasList => Aliases ?? [];
}
