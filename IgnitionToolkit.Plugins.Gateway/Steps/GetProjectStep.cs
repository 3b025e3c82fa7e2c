using IgnitionToolkit.Core.Plugins;
using P = IgnitionToolkit.Plugins.Gateway.Steps.GatewayParameters;

namespace IgnitionToolkit.Plugins.Gateway.Steps;

/// <summary><c>gateway.get_project</c>: one project's details; fails when it does not exist.</summary>
public sealed class GetProjectStep : GatewayStep
{
    public override StepTypeDescriptor Descriptor { get; } = new("gateway.get_project", P.Category,
        "Reads one project; fails when the gateway has no project of that name.",
        P.With(new StepParameterSchema("name", StepParameterType.String, Required: true, Description: "Project name.")),
        Outputs: P.Outputs(
            new StepOutputSchema("name", StepParameterType.String),
            new StepOutputSchema("title", StepParameterType.String),
            new StepOutputSchema("description", StepParameterType.String),
            new StepOutputSchema("enabled", StepParameterType.Boolean),
            new StepOutputSchema("parent", StepParameterType.String),
            new StepOutputSchema("project", StepParameterType.Dict, "Everything the gateway returned.")));

    protected override async Task<StepResult> RunAsync(StepContext context, CancellationToken cancellationToken)
    {
        var client = Session(context);
        var project = await client.GetProjectAsync(context.GetRequiredString("name"), cancellationToken);
        context.Logger.LogStep($"project '{project.Name}' ({(project.Enabled ? "enabled" : "disabled")})");
        var outputs = Outputs(client);
        outputs["name"] = project.Name;
        outputs["title"] = project.Title;
        outputs["description"] = project.Description;
        outputs["enabled"] = project.Enabled;
        outputs["parent"] = project.Parent;
        outputs["project"] = project.Raw;
        return StepResult.Completed(outputs);
    }
}
