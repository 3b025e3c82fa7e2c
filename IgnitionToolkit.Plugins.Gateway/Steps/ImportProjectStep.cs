using IgnitionToolkit.Core.Plugins;
using IgnitionToolkit.Plugins.Gateway.Client;
using P = IgnitionToolkit.Plugins.Gateway.Steps.GatewayParameters;

namespace IgnitionToolkit.Plugins.Gateway.Steps;

/// <summary><c>gateway.import_project</c>: imports a project zip; fails clearly when it exists and overwrite is false.</summary>
public sealed class ImportProjectStep : GatewayStep
{
    public override StepTypeDescriptor Descriptor { get; } = new("gateway.import_project", P.Category,
        "Imports a project from a .zip (a file or '{{ step.<export>.path }}'). Never retried automatically.",
        P.With(
            new StepParameterSchema("name", StepParameterType.String, Required: true, Description: "Project name on the gateway."),
            new StepParameterSchema("file", StepParameterType.File, Required: true, Description: "Path of the project zip."),
            new StepParameterSchema("overwrite", StepParameterType.Boolean, Default: false, Description: "Replace an existing project of that name.")),
        Outputs: P.Outputs(
            new StepOutputSchema("name", StepParameterType.String),
            new StepOutputSchema("overwrite", StepParameterType.Boolean),
            new StepOutputSchema("changes", StepParameterType.List, "Names of the changed resources/projects reported by the gateway.")));

    protected override async Task<StepResult> RunAsync(StepContext context, CancellationToken cancellationToken)
    {
        var client = Session(context);
        var name = context.GetRequiredString("name");
        var path = StepFiles.Resolve(context, "file");
        var overwrite = context.Get<bool>("overwrite");
        return await ExclusiveAsync(context, client, "project import", async () =>
        {
            System.Text.Json.JsonElement result;
            await using (var file = File.OpenRead(path))
            {
                context.Logger.LogStep($"importing project '{name}' from {Path.GetFileName(path)}{(overwrite ? " (overwrite)" : "")}");
                result = await client.ImportProjectAsync(name, file, overwrite, cancellationToken);
            }
            var changes = result.Prop("changes").Items().Select(c => (object?)(c.ValueKind == System.Text.Json.JsonValueKind.String ? c.GetString() : c.Str("name"))).ToList();
            context.Logger.LogStep($"project '{name}' imported{(changes.Count > 0 ? $" ({changes.Count} changes)" : "")}");
            var outputs = Outputs(client);
            outputs["name"] = name;
            outputs["overwrite"] = overwrite;
            outputs["changes"] = changes;
            return StepResult.Completed(outputs);
        }, cancellationToken);
    }
}
