using IgnitionToolkit.Contracts;
using IgnitionToolkit.Core.Plugins;
using P = IgnitionToolkit.Plugins.Gateway.Steps.GatewayParameters;

namespace IgnitionToolkit.Plugins.Gateway.Steps;

/// <summary><c>gateway.restart</c>: asks the gateway to restart (never retried automatically), optionally waiting until it is up.</summary>
public sealed class RestartStep : GatewayStep
{
    public override StepTypeDescriptor Descriptor { get; } = new("gateway.restart", P.Category,
        "Restarts the gateway (POST restart-tasks/restart) and, by default, waits until it is ready again. " +
        "Only one execution at a time restarts, restores or installs on a gateway.",
        P.With(P.WaitForReady, P.WaitTimeout(), P.PollInterval, P.InitialDelay, P.WaitForModules),
        Outputs: P.Outputs(
            new StepOutputSchema("restarted", StepParameterType.Boolean, "The restart was accepted."),
            new StepOutputSchema("ready", StepParameterType.Boolean, "The gateway was seen ready again (false when not waiting)."),
            new StepOutputSchema("state", StepParameterType.String, "Last state seen."),
            new StepOutputSchema("waited_seconds", StepParameterType.Float)))
    {
        TimeoutOverride = TimeoutOverrideNames.GatewayRestart,
    };

    protected override async Task<StepResult> RunAsync(StepContext context, CancellationToken cancellationToken)
    {
        var client = Session(context);
        var wait = context.Get<bool?>("wait_for_ready") ?? true;
        return await ExclusiveAsync(context, client, "restart", async () =>
        {
            await client.RestartAsync(cancellationToken);
            context.Logger.LogStep($"restart of {client.Gateway} requested");
            var outputs = Outputs(client);
            outputs["restarted"] = true;
            outputs["ready"] = false;
            outputs["state"] = "restarting";
            outputs["waited_seconds"] = 0.0;
            if (wait) ReadyWait.AddOutputs(outputs, await ReadyWait.RunAsync(context, client, cancellationToken));
            return StepResult.Completed(outputs);
        }, cancellationToken);
    }
}
