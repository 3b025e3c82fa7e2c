using IgnitionToolkit.Core.Plugins;
using P = IgnitionToolkit.Plugins.Gateway.Steps.GatewayParameters;

namespace IgnitionToolkit.Plugins.Gateway.Steps;

/// <summary><c>gateway.list_projects</c>: the gateway's projects.</summary>
public sealed class ListProjectsStep : GatewayStep
{
    public override StepTypeDescriptor Descriptor { get; } = new("gateway.list_projects", P.Category,
        "Lists the gateway's projects.",
        P.Connection,
        Outputs: P.Outputs(
            new StepOutputSchema("projects", StepParameterType.List, "One map per project (name, title, description, enabled, parent...)."),
            new StepOutputSchema("names", StepParameterType.List, "Project names."),
            new StepOutputSchema("count", StepParameterType.Integer)));

    protected override async Task<StepResult> RunAsync(StepContext context, CancellationToken cancellationToken)
    {
        var client = Session(context);
        var projects = await client.ListProjectsAsync(cancellationToken);
        context.Logger.LogStep($"{projects.Count} projects: {string.Join(", ", projects.Select(p => p.Name))}");
        var outputs = Outputs(client);
        outputs["projects"] = projects.Select(p => (object?)p.Raw).ToList();
        outputs["names"] = projects.Select(p => (object?)p.Name).ToList();
        outputs["count"] = (long)projects.Count;
        return StepResult.Completed(outputs);
    }
}
