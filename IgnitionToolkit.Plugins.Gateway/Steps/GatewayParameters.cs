using IgnitionToolkit.Core.Plugins;

namespace IgnitionToolkit.Plugins.Gateway.Steps;

/// <summary>Parameter and output schemas shared by the gateway steps.</summary>
internal static class GatewayParameters
{
    public const string Category = "gateway";

    public static readonly StepParameterSchema Url = new("url", StepParameterType.String,
        Description: "Gateway URL, e.g. http://localhost:8088. Omit to use the session opened by gateway.login.");
    public static readonly StepParameterSchema GatewayUrl = new("gateway_url", StepParameterType.String,
        Description: "Same as 'url' (v2 name).");
    public static readonly StepParameterSchema ApiToken = new("api_token", StepParameterType.String, Secret: true,
        Description: "Ignition 8.3 API key as 'keyName:secret' (sent as X-Ignition-API-Token).");

    /// <summary>url, gateway_url and api_token: every step can address a gateway directly.</summary>
    public static IReadOnlyList<StepParameterSchema> Connection => [Url, GatewayUrl, ApiToken];

    public static IReadOnlyList<StepParameterSchema> With(params StepParameterSchema[] specific) => [.. specific, .. Connection];

    public static readonly StepOutputSchema UrlOutput = new("url", StepParameterType.String, "Gateway base URL used.");

    public static IReadOnlyList<StepOutputSchema> Outputs(params StepOutputSchema[] specific) => [.. specific, UrlOutput];

    public static StepParameterSchema WaitTimeout(double seconds = 300) => new("timeout", StepParameterType.Float, Default: seconds,
        Description: "Seconds to wait before failing.");

    public static readonly StepParameterSchema PollInterval = new("poll_interval", StepParameterType.Float, Default: 2.0,
        Description: "Seconds between polls.");

    public static readonly StepParameterSchema InitialDelay = new("initial_delay", StepParameterType.Float,
        Description: "Minimum seconds before the gateway may be declared ready, so a restart that has not yet taken it down is not missed. " +
                     "Default: 5 s after a restart/restore requested by this execution, otherwise 0.");

    public static readonly StepParameterSchema WaitForModules = new("wait_for_modules", StepParameterType.Boolean, Default: true,
        Description: "Also wait until no module is still loading (needs an authenticated session).");

    public static readonly StepParameterSchema WaitForReady = new("wait_for_ready", StepParameterType.Boolean, Default: true,
        Description: "Wait until the gateway is up again before the step completes.");
}
