using IgnitionToolkit.Core.Plugins;

namespace IgnitionToolkit.Api.Tests.Infrastructure;

/// <summary>Fault injection (replaces the real catalogue in one test only): a catalogue that fails, to prove unhandled errors become problem details without stack traces.</summary>
public sealed class ThrowingStepCatalog : IStepCatalog
{
    public IReadOnlyCollection<StepTypeDescriptor> Descriptors => throw new InvalidOperationException("catalogue exploded at secret-internal-frame");

    public StepTypeLookup Lookup(string typeName) => throw new InvalidOperationException("catalogue exploded");

    public IStepPlugin? GetPlugin(string canonicalType) => null;
}
