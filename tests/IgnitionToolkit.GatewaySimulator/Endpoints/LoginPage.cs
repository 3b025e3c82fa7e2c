namespace IgnitionToolkit.GatewaySimulator.Endpoints;

/// <summary>The gateway web UI pages outside the home, license and login pages of <c>WebUi/</c>.</summary>
internal static class LoginPage
{
    public const string AppHtml = """
        <!DOCTYPE html>
        <html>
        <head><title>Ignition Gateway</title></head>
        <body><h1 class="gateway-home">Ignition Gateway (simulator)</h1></body>
        </html>
        """;
}
