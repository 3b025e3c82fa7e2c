using IgnitionToolkit.Core.Plugins;
using IgnitionToolkit.Plugins.Gateway.Client;
using P = IgnitionToolkit.Plugins.Gateway.Steps.GatewayParameters;

namespace IgnitionToolkit.Plugins.Gateway.Steps;

/// <summary><c>gateway.health_check</c> (v2: <c>gateway.get_health</c>): state, version, licence, modules and pending restarts.</summary>
public sealed class HealthCheckStep : GatewayStep
{
    public override StepTypeDescriptor Descriptor { get; } = new("gateway.health_check", P.Category,
        "Checks the gateway: StatusPing state, version, licence, modules not running and pending restarts.",
        P.With(new StepParameterSchema("fail_on_unhealthy", StepParameterType.Boolean, Default: false,
            Description: "Fail the step when the status is not 'healthy'.")),
        Outputs: P.Outputs(
            new StepOutputSchema("status", StepParameterType.String, "healthy, degraded (modules not running), restart_pending, starting or commissioning."),
            new StepOutputSchema("healthy", StepParameterType.Boolean),
            new StepOutputSchema("state", StepParameterType.String, "StatusPing state."),
            new StepOutputSchema("version", StepParameterType.String),
            new StepOutputSchema("license", StepParameterType.String, "Licence mode."),
            new StepOutputSchema("modules", StepParameterType.Integer, "Number of modules."),
            new StepOutputSchema("modules_not_running", StepParameterType.List, "'name (STATE)' of each module that is not running."),
            new StepOutputSchema("pending_restarts", StepParameterType.List, "Reasons the gateway is waiting for a restart.")),
        Aliases: [new StepTypeAlias("gateway.get_health")]);

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
            ping = new StatusPing("STARTING", null);
        }
        var outputs = Outputs(client);
        outputs["state"] = ping.State;
        string status;
        if (!ping.IsRunning) status = "starting";
        else if (ping.NeedsCommissioning) status = "commissioning";
        else
        {
            var info = await client.GatewayInfoAsync(cancellationToken);
            var modules = await client.ListModulesAsync(cancellationToken);
            var pending = await PendingAsync(client, cancellationToken);
            var notRunning = modules.Where(m => !m.IsRunning).Select(m => $"{(m.Name.Length > 0 ? m.Name : m.Id)} ({m.State})").ToList();
            outputs["version"] = GatewayVersion.Short(info.Str("ignitionVersion", "version"));
            outputs["license"] = info.Prop("license").Str("mode", "state");
            outputs["modules"] = (long)modules.Count;
            outputs["modules_not_running"] = notRunning.Cast<object?>().ToList();
            outputs["pending_restarts"] = pending.Cast<object?>().ToList();
            status = notRunning.Count > 0 ? "degraded" : pending.Count > 0 ? "restart_pending" : "healthy";
            context.Logger.LogStep($"{client.Gateway}: {ping}, Ignition {outputs["version"]}, licence {outputs["license"] ?? "unknown"}, " +
                $"{modules.Count} modules{(notRunning.Count > 0 ? " (not running: " + string.Join(", ", notRunning) + ")" : "")}" +
                $"{(pending.Count > 0 ? ", restart pending: " + string.Join("; ", pending) : "")}");
        }
        outputs["status"] = status;
        outputs["healthy"] = status == "healthy";
        if (status != "healthy" && context.Get<bool>("fail_on_unhealthy"))
            return StepResult.Failed($"the gateway at {client.Gateway} is not healthy: {status}", outputs);
        return StepResult.Completed(outputs);
    }

    private static async Task<IReadOnlyList<string>> PendingAsync(GatewayClient client, CancellationToken cancellationToken)
    {
        try
        {
            return await client.PendingRestartsAsync(cancellationToken);
        }
        catch (GatewayException ex) when (ex.Failure == GatewayFailure.NotFound)
        {
            return [];
        }
    }
}
