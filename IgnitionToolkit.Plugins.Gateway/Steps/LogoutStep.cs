using IgnitionToolkit.Core.Plugins;
using IgnitionToolkit.Plugins.Gateway.Sessions;
using P = IgnitionToolkit.Plugins.Gateway.Steps.GatewayParameters;

namespace IgnitionToolkit.Plugins.Gateway.Steps;

/// <summary><c>gateway.logout</c>: forgets the session's credentials and cookies.</summary>
public sealed class LogoutStep : GatewayStep
{
    public override StepTypeDescriptor Descriptor { get; } = new("gateway.logout", P.Category,
        "Ends the gateway session of this execution (credentials and cookies are discarded). Sessions also end with the execution.",
        P.Connection,
        Outputs: P.Outputs(new StepOutputSchema("logged_out", StepParameterType.Boolean, "False when there was no session.")));

    protected override async Task<StepResult> RunAsync(StepContext context, CancellationToken cancellationToken)
    {
        var url = GatewaySessions.RequestedUrl(context);
        var client = url is null ? GatewaySessions.Current(context) : GatewaySessions.Resolve(context);
        if (client is null)
        {
            context.Logger.LogStep("no gateway session to log out of");
            return StepResult.Completed(new Dictionary<string, object?> { ["url"] = null, ["logged_out"] = false });
        }
        var who = client.CredentialName;
        await client.LogoutAsync(cancellationToken);
        GatewaySessions.Remove(context, client);
        context.Logger.LogStep(who is null ? $"session with {client.Gateway} closed" : $"'{who}' logged out of {client.Gateway}");
        var outputs = Outputs(client);
        outputs["logged_out"] = true;
        return StepResult.Completed(outputs);
    }
}
