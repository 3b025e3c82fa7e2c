using IgnitionToolkit.Contracts;
using IgnitionToolkit.Core.Plugins;
using P = IgnitionToolkit.Plugins.Gateway.Steps.GatewayParameters;

namespace IgnitionToolkit.Plugins.Gateway.Steps;

/// <summary><c>gateway.wait_for_ready</c>: polls StatusPing and gateway-info until the gateway is truly up.</summary>
public sealed class WaitForReadyStep : GatewayStep
{
    public override StepTypeDescriptor Descriptor { get; } = new("gateway.wait_for_ready", P.Category,
        "Waits until the gateway is up: StatusPing RUNNING, gateway-info answering (200 or 401) and no module still loading. " +
        "Connection refused, STARTING and 503 are waited out; on timeout the last state seen is reported.",
        P.With(P.WaitTimeout(), P.PollInterval, P.InitialDelay, P.WaitForModules,
            new StepParameterSchema("timeout_seconds", StepParameterType.Float, Description: "v2 name of 'timeout'."),
            new StepParameterSchema("check_interval", StepParameterType.Float, Description: "v2 name of 'poll_interval'.")),
        Outputs: P.Outputs(
            new StepOutputSchema("ready", StepParameterType.Boolean),
            new StepOutputSchema("state", StepParameterType.String, "State seen when ready, e.g. RUNNING."),
            new StepOutputSchema("waited_seconds", StepParameterType.Float)))
    {
        TimeoutOverride = TimeoutOverrideNames.GatewayRestart,
    };

    protected override async Task<StepResult> RunAsync(StepContext context, CancellationToken cancellationToken)
    {
        var client = Session(context);
        var outputs = Outputs(client);
        ReadyWait.AddOutputs(outputs, await ReadyWait.RunAsync(context, client, cancellationToken));
        return StepResult.Completed(outputs);
    }
}
