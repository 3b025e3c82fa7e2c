namespace IgnitionToolkit.Core.Plugins;

/// <summary>Result of looking up a step type name written in a playbook.</summary>
/// <param name="Descriptor">The canonical step type, or null when the name is unknown.</param>
/// <param name="Alias">The deprecated alias used, when the name was an old (v2) name.</param>
public sealed record StepTypeLookup(StepTypeDescriptor? Descriptor, StepTypeAlias? Alias)
{
    public bool Found => Descriptor is not null;
    public bool IsDeprecated => Alias is not null;
}

/// <summary>The step types known to this process (built-in and plugin-folder ones).</summary>
public interface IStepCatalog
{
    IReadOnlyCollection<StepTypeDescriptor> Descriptors { get; }

    /// <summary>Finds a step type by its v3 name or by a deprecated alias (case-sensitive).</summary>
    StepTypeLookup Lookup(string typeName);

    /// <summary>The plugin that executes a canonical type, or null.</summary>
    IStepPlugin? GetPlugin(string canonicalType);
}
