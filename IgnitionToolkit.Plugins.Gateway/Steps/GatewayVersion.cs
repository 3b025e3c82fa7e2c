namespace IgnitionToolkit.Plugins.Gateway.Steps;

internal static class GatewayVersion
{
    /// <summary>"8.3.8 (b2026071409)" → "8.3.8".</summary>
    public static string? Short(string? full) => string.IsNullOrWhiteSpace(full) ? full : full.Trim().Split(' ', 2)[0];
}
