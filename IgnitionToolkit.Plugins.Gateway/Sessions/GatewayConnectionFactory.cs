using IgnitionToolkit.Plugins.Gateway.Client;
using IgnitionToolkit.Plugins.Gateway.Http;
using Microsoft.Extensions.DependencyInjection;

namespace IgnitionToolkit.Plugins.Gateway.Sessions;

/// <summary>Creates <see cref="GatewayClient"/>s over the factory-managed, resilient HTTP client.</summary>
public sealed class GatewayConnectionFactory(IHttpClientFactory httpClients, GatewayClientOptions options)
{
    private static readonly Lazy<GatewayConnectionFactory> Fallback = new(() =>
        new ServiceCollection().AddGatewaySteps().BuildServiceProvider().GetRequiredService<GatewayConnectionFactory>());

    /// <summary>Used when the host did not call <c>AddGatewaySteps</c> (e.g. the assembly was loaded from the plugins folder).</summary>
    public static GatewayConnectionFactory Default => Fallback.Value;

    public GatewayClientOptions Options { get; } = options;

    public GatewayClient Create(string url)
    {
        var baseUri = NormalizeUrl(url);
        return new GatewayClient(baseUri, httpClients.CreateClient(GatewayHttp.ClientName), Options);
    }

    /// <summary>Checks and normalises a gateway URL (http/https, no trailing slash); a bare host gets <c>http://</c>.</summary>
    public static Uri NormalizeUrl(string url)
    {
        var text = url.Trim();
        if (!text.Contains("://", StringComparison.Ordinal)) text = "http://" + text;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            throw new ArgumentException($"'{url}' is not a gateway URL (expected e.g. http://localhost:8088)");
        return new Uri(uri.GetLeftPart(UriPartial.Path).TrimEnd('/'));
    }
}
