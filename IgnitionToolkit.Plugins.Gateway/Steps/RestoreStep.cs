using IgnitionToolkit.Contracts;
using IgnitionToolkit.Core.Plugins;
using P = IgnitionToolkit.Plugins.Gateway.Steps.GatewayParameters;

namespace IgnitionToolkit.Plugins.Gateway.Steps;

/// <summary><c>gateway.restore</c>: uploads a <c>.gwbk</c> (a file or an earlier backup artifact); the gateway then restarts.</summary>
public sealed class RestoreStep : GatewayStep
{
    public override StepTypeDescriptor Descriptor { get; } = new("gateway.restore", P.Category,
        "Restores a gateway backup (.gwbk) — a file path or '{{ step.<backup>.path }}' of an earlier gateway.backup — " +
        "then, by default, waits for the restart that follows. Never retried automatically.",
        P.With(
            new StepParameterSchema("file", StepParameterType.File, Required: true, Description: "Path of the .gwbk to restore."),
            P.WaitForReady, P.WaitTimeout(), P.PollInterval, P.InitialDelay, P.WaitForModules),
        Outputs: P.Outputs(
            new StepOutputSchema("file", StepParameterType.String, "Full path of the restored file."),
            new StepOutputSchema("size", StepParameterType.Integer),
            new StepOutputSchema("restored", StepParameterType.Boolean),
            new StepOutputSchema("ready", StepParameterType.Boolean),
            new StepOutputSchema("state", StepParameterType.String),
            new StepOutputSchema("waited_seconds", StepParameterType.Float)))
    {
        TimeoutOverride = TimeoutOverrideNames.GatewayRestart,
    };

    protected override async Task<StepResult> RunAsync(StepContext context, CancellationToken cancellationToken)
    {
        var client = Session(context);
        var path = StepFiles.Resolve(context, "file");
        var wait = context.Get<bool?>("wait_for_ready") ?? true;
        var fileName = Path.GetFileName(path);
        return await ExclusiveAsync(context, client, "restore", async () =>
        {
            long size;
            await using (var file = File.OpenRead(path))
            {
                size = file.Length;
                context.Logger.LogStep($"restoring {fileName} ({size} bytes) onto {client.Gateway}");
                await client.RestoreAsync(file, fileName, cancellationToken);
            }
            context.Logger.LogStep($"{client.Gateway} accepted the backup and restarts");
            var outputs = Outputs(client);
            outputs["file"] = path;
            outputs["size"] = size;
            outputs["restored"] = true;
            outputs["ready"] = false;
            outputs["state"] = "restarting";
            outputs["waited_seconds"] = 0.0;
            if (wait) ReadyWait.AddOutputs(outputs, await ReadyWait.RunAsync(context, client, cancellationToken));
            return StepResult.Completed(outputs);
        }, cancellationToken);
    }
}
