using IgnitionToolkit.Core.Plugins;
using P = IgnitionToolkit.Plugins.Gateway.Steps.GatewayParameters;

namespace IgnitionToolkit.Plugins.Gateway.Steps;

/// <summary><c>gateway.scan_projects</c>: makes the gateway rescan project files on disk.</summary>
public sealed class ScanProjectsStep : GatewayStep
{
    public override StepTypeDescriptor Descriptor { get; } = new("gateway.scan_projects", P.Category,
        "Asks the gateway to rescan the projects on disk (after files were copied into data/projects), optionally the configuration too.",
        P.With(new StepParameterSchema("include_config", StepParameterType.Boolean, Default: false, Description: "Also rescan the configuration (scan/config).")),
        Outputs: P.Outputs(new StepOutputSchema("scanned", StepParameterType.Boolean)));

    protected override async Task<StepResult> RunAsync(StepContext context, CancellationToken cancellationToken)
    {
        var client = Session(context);
        await client.ScanProjectsAsync(context.Get<bool>("include_config"), cancellationToken);
        context.Logger.LogStep($"{client.Gateway} rescanned its projects");
        var outputs = Outputs(client);
        outputs["scanned"] = true;
        return StepResult.Completed(outputs);
    }
}
