using IgnitionToolkit.Core.Plugins;
using P = IgnitionToolkit.Plugins.Gateway.Steps.GatewayParameters;

namespace IgnitionToolkit.Plugins.Gateway.Steps;

/// <summary><c>gateway.export_project</c>: exports a project as a zip artifact.</summary>
public sealed class ExportProjectStep : GatewayStep
{
    public override StepTypeDescriptor Descriptor { get; } = new("gateway.export_project", P.Category,
        "Exports a project as a .zip saved with the execution (importable with gateway.import_project).",
        P.With(
            new StepParameterSchema("name", StepParameterType.String, Required: true, Description: "Project name."),
            new StepParameterSchema("file_name", StepParameterType.String, Description: "Artifact file name (default <project>_<timestamp>.zip).")),
        Outputs: P.Outputs(
            new StepOutputSchema("path", StepParameterType.String, "Full path of the saved zip."),
            new StepOutputSchema("name", StepParameterType.String, "Artifact file name."),
            new StepOutputSchema("project", StepParameterType.String),
            new StepOutputSchema("size", StepParameterType.Integer),
            new StepOutputSchema("sha256", StepParameterType.String)));

    protected override async Task<StepResult> RunAsync(StepContext context, CancellationToken cancellationToken)
    {
        var client = Session(context);
        var project = context.GetRequiredString("name");
        using var response = await client.ExportProjectAsync(project, cancellationToken);
        var name = context.Get<string>("file_name");
        if (string.IsNullOrWhiteSpace(name)) name = $"{project}_{ArtifactDownload.Stamp()}.zip";
        var info = await ArtifactDownload.SaveZipAsync(context, response, name, "application/zip", "project export", cancellationToken);
        context.Logger.LogStep($"project '{project}' exported: {info.Name}, {info.Size} bytes");
        var outputs = ArtifactDownload.Outputs(client.Gateway, info);
        outputs["project"] = project;
        return StepResult.Completed(outputs);
    }
}
