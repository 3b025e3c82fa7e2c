using IgnitionToolkit.Core.Plugins;
using P = IgnitionToolkit.Plugins.Gateway.Steps.GatewayParameters;

namespace IgnitionToolkit.Plugins.Gateway.Steps;

/// <summary><c>gateway.backup</c>: downloads a <c>.gwbk</c> and keeps it as an execution artifact.</summary>
public sealed class BackupStep : GatewayStep
{
    public override StepTypeDescriptor Descriptor { get; } = new("gateway.backup", P.Category,
        "Downloads a gateway backup (.gwbk) and saves it with the execution (downloadable from the execution's artifacts).",
        P.With(
            new StepParameterSchema("include_peer_local", StepParameterType.Boolean, Default: false,
                Description: "Include the redundant peer's local configuration."),
            new StepParameterSchema("file_name", StepParameterType.String,
                Description: "Artifact file name (default: the gateway's name for it, or <host>_<timestamp>.gwbk).")),
        Outputs: P.Outputs(
            new StepOutputSchema("path", StepParameterType.String, "Full path of the saved .gwbk (usable by gateway.restore)."),
            new StepOutputSchema("name", StepParameterType.String, "Artifact file name."),
            new StepOutputSchema("size", StepParameterType.Integer, "Bytes."),
            new StepOutputSchema("sha256", StepParameterType.String, "SHA-256 of the file (hex).")));

    protected override async Task<StepResult> RunAsync(StepContext context, CancellationToken cancellationToken)
    {
        var client = Session(context);
        context.Logger.LogStep($"downloading a backup of {client.Gateway}");
        using var response = await client.DownloadBackupAsync(context.Get<bool>("include_peer_local"), cancellationToken);
        var name = context.Get<string>("file_name");
        if (string.IsNullOrWhiteSpace(name)) name = ArtifactDownload.FileName(response, $"{client.BaseUri.Host}_{ArtifactDownload.Stamp()}.gwbk");
        if (!name.EndsWith(".gwbk", StringComparison.OrdinalIgnoreCase)) name += ".gwbk";
        var info = await ArtifactDownload.SaveZipAsync(context, response, name, "application/octet-stream", "gateway backup (.gwbk)", cancellationToken);
        context.Logger.LogStep($"backup saved: {info.Name}, {info.Size} bytes, sha256 {info.Sha256}");
        return StepResult.Completed(ArtifactDownload.Outputs(client.Gateway, info));
    }
}
