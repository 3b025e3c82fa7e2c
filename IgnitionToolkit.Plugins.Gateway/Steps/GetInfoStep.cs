using System.Text.Json;
using IgnitionToolkit.Core.Plugins;
using IgnitionToolkit.Plugins.Gateway.Client;
using P = IgnitionToolkit.Plugins.Gateway.Steps.GatewayParameters;

namespace IgnitionToolkit.Plugins.Gateway.Steps;

/// <summary><c>gateway.get_info</c>: gateway-info (8.3 API, authenticated) merged with the public <c>/system/gwinfo</c>.</summary>
public sealed class GetInfoStep : GatewayStep
{
    public override StepTypeDescriptor Descriptor { get; } = new("gateway.get_info", P.Category,
        "Reads the gateway's name, version, edition and licence (gateway-info when authenticated, plus the public gwinfo).",
        P.Connection,
        Outputs: P.Outputs(
            new StepOutputSchema("name", StepParameterType.String, "Gateway name."),
            new StepOutputSchema("version", StepParameterType.String, "Ignition version, e.g. 8.3.8."),
            new StepOutputSchema("version_full", StepParameterType.String, "Version with build, e.g. 8.3.8 (b2026071409)."),
            new StepOutputSchema("edition", StepParameterType.String, "standard, edge, maker... (empty for standard on gwinfo)."),
            new StepOutputSchema("license", StepParameterType.String, "Licence mode (e.g. trial, activated)."),
            new StepOutputSchema("license_expiration", StepParameterType.String, "Licence expiration date, when any."),
            new StepOutputSchema("hostname", StepParameterType.String),
            new StepOutputSchema("redundancy_role", StepParameterType.String),
            new StepOutputSchema("context_status", StepParameterType.String, "ContextStatus from gwinfo (RUNNING, NEEDS_COMMISSIONING...)."),
            new StepOutputSchema("os", StepParameterType.String),
            new StepOutputSchema("java_version", StepParameterType.String),
            new StepOutputSchema("info", StepParameterType.Dict, "The whole gateway-info answer."),
            new StepOutputSchema("gwinfo", StepParameterType.Dict, "The gwinfo key/value pairs.")));

    protected override async Task<StepResult> RunAsync(StepContext context, CancellationToken cancellationToken)
    {
        var client = Session(context);
        IReadOnlyDictionary<string, string> gw = new Dictionary<string, string>();
        JsonElement info = default;
        GatewayException? infoError = null;
        try
        {
            gw = await client.GwInfoAsync(cancellationToken);
        }
        catch (GatewayException ex) when (ex.Failure is not GatewayFailure.Unreachable and not GatewayFailure.Timeout)
        {
            context.Logger.LogStep($"gwinfo not available: {ex.Message}");
        }
        try
        {
            info = await client.GatewayInfoAsync(cancellationToken);
        }
        catch (GatewayException ex) when (gw.Count > 0 && ex.Failure is GatewayFailure.Unauthorized or GatewayFailure.Forbidden or GatewayFailure.NotFound)
        {
            infoError = ex;
            context.Logger.LogStep("gateway-info needs a logged-in session or API token; only the public gwinfo is reported");
        }

        var full = info.Str("ignitionVersion") ?? Get(gw, "Version");
        var outputs = Outputs(client);
        outputs["name"] = info.Str("name") ?? Get(gw, "PlatformName");
        outputs["version"] = GatewayVersion.Short(full);
        outputs["version_full"] = full;
        outputs["edition"] = info.Str("edition") ?? Get(gw, "PlatformEdition");
        outputs["license"] = info.Prop("license").Str("mode", "state");
        outputs["license_expiration"] = info.Prop("license").Str("expirationDate");
        outputs["hostname"] = info.Str("hostname");
        outputs["redundancy_role"] = info.Str("redundancyRole") ?? Get(gw, "RedundantState");
        outputs["context_status"] = Get(gw, "ContextStatus");
        outputs["os"] = Get(gw, "OS");
        outputs["java_version"] = info.Str("jvmVersion") ?? Get(gw, "RuntimeVersion");
        outputs["info"] = GatewayJson.ToPlain(info) ?? new Dictionary<string, object?>();
        outputs["gwinfo"] = gw.ToDictionary(p => p.Key, p => (object?)p.Value);
        context.Logger.LogStep($"{outputs["name"]} — Ignition {full} {outputs["edition"]}{(infoError is null ? "" : " (public info only)")}");
        return StepResult.Completed(outputs);
    }

    private static string? Get(IReadOnlyDictionary<string, string> gw, string key) => gw.TryGetValue(key, out var v) ? v : null;
}
