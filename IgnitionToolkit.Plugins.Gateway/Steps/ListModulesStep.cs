using IgnitionToolkit.Core.Plugins;
using P = IgnitionToolkit.Plugins.Gateway.Steps.GatewayParameters;

namespace IgnitionToolkit.Plugins.Gateway.Steps;

/// <summary><c>gateway.list_modules</c>: the installed modules and their state.</summary>
public sealed class ListModulesStep : GatewayStep
{
    public override StepTypeDescriptor Descriptor { get; } = new("gateway.list_modules", P.Category,
        "Lists the installed modules with id, name, version and state.",
        P.Connection,
        Outputs: P.Outputs(
            new StepOutputSchema("modules", StepParameterType.List, "One map per module: id, name, version, state."),
            new StepOutputSchema("module_ids", StepParameterType.List),
            new StepOutputSchema("count", StepParameterType.Integer)));

    protected override async Task<StepResult> RunAsync(StepContext context, CancellationToken cancellationToken)
    {
        var client = Session(context);
        var modules = await client.ListModulesAsync(cancellationToken);
        context.Logger.LogStep($"{modules.Count} modules: {string.Join(", ", modules.Select(m => $"{m.Name} {m.Version} ({m.State})"))}");
        var outputs = Outputs(client);
        outputs["modules"] = modules.Select(m => (object?)m.ToOutput()).ToList();
        outputs["module_ids"] = modules.Select(m => (object?)m.Id).ToList();
        outputs["count"] = (long)modules.Count;
        return StepResult.Completed(outputs);
    }
}
