using IgnitionToolkit.Core.Plugins;
using IgnitionToolkit.Plugins.Gateway.Client;
using IgnitionToolkit.Plugins.Gateway.Sessions;
using P = IgnitionToolkit.Plugins.Gateway.Steps.GatewayParameters;

namespace IgnitionToolkit.Plugins.Gateway.Steps;

/// <summary><c>gateway.login</c>: opens the execution's session with a gateway (API token or 8.3 web login).</summary>
public sealed class LoginStep : GatewayStep
{
    public override StepTypeDescriptor Descriptor { get; } = new("gateway.login", P.Category,
        "Opens a session with a gateway: with an API token, or with username and password through the 8.3 web login. Later gateway steps use it.",
        [
            P.Url, P.GatewayUrl,
            new StepParameterSchema("username", StepParameterType.String, Description: "Gateway user (with 'password')."),
            new StepParameterSchema("password", StepParameterType.String, Secret: true, Description: "Password of 'username'."),
            P.ApiToken,
        ],
        Outputs: P.Outputs(
            new StepOutputSchema("auth", StepParameterType.String, "'api_token' or 'login'."),
            new StepOutputSchema("user", StepParameterType.String, "User name or API key name."),
            new StepOutputSchema("gateway_name", StepParameterType.String, "Gateway name (from gateway-info)."),
            new StepOutputSchema("version", StepParameterType.String, "Ignition version, e.g. 8.3.8.")));

    protected override async Task<StepResult> RunAsync(StepContext context, CancellationToken cancellationToken)
    {
        var url = GatewaySessions.RequestedUrl(context) ?? throw new StepParameterException("url", "parameter 'url' (the gateway URL) is required");
        var token = context.Get<string>("api_token");
        var username = context.Get<string>("username");
        var password = context.Get<string>("password");
        if (string.IsNullOrWhiteSpace(token) && (string.IsNullOrWhiteSpace(username) || password is null))
            throw new StepParameterException(string.IsNullOrWhiteSpace(username) ? "username" : "password",
                "give 'username' and 'password', or 'api_token'");

        var client = GatewaySessions.Create(context, url);
        try
        {
            System.Text.Json.JsonElement info = default;
            if (!string.IsNullOrWhiteSpace(token))
            {
                GatewaySessions.ApplyToken(client, token);
                info = await client.GatewayInfoAsync(cancellationToken); // proves the key is accepted
                context.Logger.LogStep($"using API key '{client.CredentialName}' on {client.Gateway}");
            }
            else
            {
                await new CookieLogin(client).LoginAsync(username!, password!, cancellationToken);
                context.Logger.LogStep($"logged in to {client.Gateway} as '{username}'");
                try
                {
                    info = await client.GatewayInfoAsync(cancellationToken);
                }
                catch (GatewayException ex)
                {
                    context.Logger.LogStep($"logged in, but the gateway information is not readable: {ex.Message}");
                }
            }
            GatewaySessions.Store(context, client);
            var outputs = Outputs(client);
            outputs["auth"] = client.AuthMode == GatewayAuthMode.ApiToken ? "api_token" : "login";
            outputs["user"] = client.CredentialName;
            outputs["gateway_name"] = info.Str("name");
            outputs["version"] = GatewayVersion.Short(info.Str("ignitionVersion", "version"));
            return StepResult.Completed(outputs);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }
}
