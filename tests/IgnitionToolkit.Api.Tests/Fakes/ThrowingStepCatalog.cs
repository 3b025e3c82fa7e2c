using IgnitionToolkit.Core.Plugins;

namespace IgnitionToolkit.Api.Tests.Fakes;

/// <summary>TEST FAKE — a catalogue that fails, to prove unhandled errors become problem details without stack traces.</summary>
public sealed class ThrowingStepCatalog : IStepCatalog
{
    public IReadOnlyCollection<StepTypeDescriptor> Descriptors => throw new InvalidOperationException("catalogue exploded at secret-internal-frame");

    public StepTypeLookup Lookup(string typeName) => throw new InvalidOperationException("catalogue exploded");

    public IStepPlugin? GetPlugin(string canonicalType) => null;
}
