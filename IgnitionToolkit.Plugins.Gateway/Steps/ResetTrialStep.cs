using System.Text.Json;
using IgnitionToolkit.Core.Plugins;
using IgnitionToolkit.Plugins.Gateway.Client;
using P = IgnitionToolkit.Plugins.Gateway.Steps.GatewayParameters;

namespace IgnitionToolkit.Plugins.Gateway.Steps;

/// <summary><c>gateway.reset_trial</c>: restarts the 2-hour trial period (POST /data/api/v1/trial).</summary>
public sealed class ResetTrialStep : GatewayStep
{
    public override StepTypeDescriptor Descriptor { get; } = new("gateway.reset_trial", P.Category,
        "Resets the gateway's 2-hour trial period.",
        P.Connection,
        Outputs: P.Outputs(
            new StepOutputSchema("trial_seconds_left", StepParameterType.Integer),
            new StepOutputSchema("expired", StepParameterType.Boolean)));

    protected override async Task<StepResult> RunAsync(StepContext context, CancellationToken cancellationToken)
    {
        var client = Session(context);
        var posted = await client.ResetTrialAsync(cancellationToken);
        JsonElement state = posted;
        try
        {
            state = await client.TrialAsync(cancellationToken);
        }
        catch (GatewayException ex)
        {
            context.Logger.LogStep($"trial reset, but its new state could not be read: {ex.Message}");
        }
        var outputs = Outputs(client);
        outputs["trial_seconds_left"] = state.Long("trialSecondsLeft");
        outputs["expired"] = state.Bool("expired");
        context.Logger.LogStep($"trial of {client.Gateway} reset; {outputs["trial_seconds_left"]?.ToString() ?? "unknown"} s left");
        return StepResult.Completed(outputs);
    }
}
