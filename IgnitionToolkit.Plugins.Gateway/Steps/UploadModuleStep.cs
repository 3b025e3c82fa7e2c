using IgnitionToolkit.Core.Plugins;
using IgnitionToolkit.Plugins.Gateway.Client;
using P = IgnitionToolkit.Plugins.Gateway.Steps.GatewayParameters;

namespace IgnitionToolkit.Plugins.Gateway.Steps;

/// <summary><c>gateway.upload_module</c>: upload → accept certificate → accept EULA (409 = already accepted) → install.</summary>
public sealed class UploadModuleStep : GatewayStep
{
    public override StepTypeDescriptor Descriptor { get; } = new("gateway.upload_module", P.Category,
        "Uploads a .modl module, accepts its certificate and licence, and installs it. The gateway usually needs a restart afterwards.",
        P.With(new StepParameterSchema("file", StepParameterType.File, Required: true, Description: "Path of the .modl file.")),
        Outputs: P.Outputs(
            new StepOutputSchema("module_id", StepParameterType.String, "Id the gateway gave the module (for gateway.wait_for_module_installation)."),
            new StepOutputSchema("restart_required", StepParameterType.Boolean, "The gateway must restart to run the module."),
            new StepOutputSchema("file", StepParameterType.String)));

    protected override async Task<StepResult> RunAsync(StepContext context, CancellationToken cancellationToken)
    {
        var client = Session(context);
        var path = StepFiles.Resolve(context, "file");
        var fileName = Path.GetFileName(path);
        return await ExclusiveAsync(context, client, "module installation", async () =>
        {
            string moduleId;
            await using (var file = File.OpenRead(path))
            {
                context.Logger.LogStep($"uploading {fileName} ({file.Length} bytes) to {client.Gateway}");
                moduleId = await client.UploadModuleAsync(file, fileName, cancellationToken);
            }
            context.Logger.LogStep($"module '{moduleId}' uploaded; accepting certificate and licence, installing");
            var install = await client.InstallModuleAsync(moduleId, cancellationToken);
            client.LastUploadedModuleId = moduleId;
            var restart = install.Bool("restartRequired") ?? await PendingRestartAsync(client, cancellationToken);
            context.Logger.LogStep($"module '{moduleId}' installed{(restart ? "; the gateway needs a restart" : "")}");
            var outputs = Outputs(client);
            outputs["module_id"] = moduleId;
            outputs["restart_required"] = restart;
            outputs["file"] = path;
            return StepResult.Completed(outputs);
        }, cancellationToken);
    }

    private static async Task<bool> PendingRestartAsync(GatewayClient client, CancellationToken cancellationToken)
    {
        try
        {
            return (await client.PendingRestartsAsync(cancellationToken)).Count > 0;
        }
        catch (GatewayException)
        {
            return true; // installing a module normally needs a restart
        }
    }
}
