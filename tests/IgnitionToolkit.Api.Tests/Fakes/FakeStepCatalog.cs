using IgnitionToolkit.Core.Plugins;

namespace IgnitionToolkit.Api.Tests.Fakes;

/// <summary>
/// TEST FAKE — stands in for the real step catalogue (registered by AddToolkitCore after the merge).
/// Knows utility.log, utility.wait (alias utility.sleep) and playbook.run.
/// </summary>
public sealed class FakeStepCatalog : IStepCatalog
{
    private readonly StepTypeDescriptor[] _descriptors =
    [
        new("utility.log", "utility", "Writes a message to the execution log.",
            [new StepParameterSchema("message", StepParameterType.String, Required: true),
             new StepParameterSchema("level", StepParameterType.String, Default: "info", AllowedValues: ["debug", "info", "warning", "error"])]),
        new("utility.wait", "utility", "Waits a number of seconds.",
            [new StepParameterSchema("seconds", StepParameterType.Float, Required: true)],
            Aliases: [new StepTypeAlias("utility.sleep")]),
        new("playbook.run", "playbook", "Runs a nested playbook.",
            [new StepParameterSchema("playbook", StepParameterType.String, Required: true)],
            Outputs: [new StepOutputSchema("status", StepParameterType.String)],
            AllowAdditionalParameters: true),
    ];

    public IReadOnlyCollection<StepTypeDescriptor> Descriptors => _descriptors;

    public StepTypeLookup Lookup(string typeName)
    {
        foreach (var d in _descriptors)
        {
            if (d.Type == typeName) return new StepTypeLookup(d, null);
            var alias = d.AliasList.FirstOrDefault(a => a.Name == typeName);
            if (alias is not null) return new StepTypeLookup(d, alias);
        }
        return new StepTypeLookup(null, null);
    }

    public IStepPlugin? GetPlugin(string canonicalType) => null;
}
