using IgnitionToolkit.Core.Plugins;
using IgnitionToolkit.Plugins.Gateway.Client;
using P = IgnitionToolkit.Plugins.Gateway.Steps.GatewayParameters;

namespace IgnitionToolkit.Plugins.Gateway.Steps;

/// <summary><c>gateway.ping</c>: reads <c>/StatusPing</c> (no authentication needed).</summary>
public sealed class PingStep : GatewayStep
{
    public override StepTypeDescriptor Descriptor { get; } = new("gateway.ping", P.Category,
        "Reads the gateway's StatusPing (RUNNING, STARTING...). Fails only when the gateway cannot be reached.",
        P.Connection,
        Outputs: P.Outputs(
            new StepOutputSchema("state", StepParameterType.String, "RUNNING, STARTING, ..."),
            new StepOutputSchema("details", StepParameterType.String, "Extra detail, e.g. COMMISSIONING."),
            new StepOutputSchema("running", StepParameterType.Boolean, "True when the state is RUNNING.")));

    protected override async Task<StepResult> RunAsync(StepContext context, CancellationToken cancellationToken)
    {
        var client = Session(context);
        StatusPing ping;
        try
        {
            ping = await client.StatusPingAsync(cancellationToken);
        }
        catch (GatewayException ex) when (ex.Failure == GatewayFailure.Starting)
        {
            ping = new StatusPing("STARTING", "503 Service Unavailable");
        }
        context.Logger.LogStep($"{client.Gateway} StatusPing: {ping}");
        var outputs = Outputs(client);
        outputs["state"] = ping.State;
        outputs["details"] = ping.Details;
        outputs["running"] = ping.IsRunning;
        return StepResult.Completed(outputs);
    }
}
