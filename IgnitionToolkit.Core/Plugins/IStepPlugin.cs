namespace IgnitionToolkit.Core.Plugins;

/// <summary>
/// A step type. Implementations are discovered from the built-in assemblies and from assemblies
/// placed in the configured plugins folder; they must have a public constructor whose arguments
/// can be resolved from the service provider (or none).
/// </summary>
public interface IStepPlugin
{
    /// <summary>Type name, parameter schema, outputs and deprecated aliases of this step type.</summary>
    StepTypeDescriptor Descriptor { get; }

    /// <summary>Runs one attempt of the step. Throwing is allowed: the engine turns the exception into a failed result.</summary>
    Task<StepResult> ExecuteAsync(StepContext context, CancellationToken cancellationToken);
}
