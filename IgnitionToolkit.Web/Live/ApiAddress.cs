namespace IgnitionToolkit.Web.Live;

/// <summary>The API's real address for the SignalR connection (which cannot use the <c>https+http://api</c> scheme):
/// <c>Toolkit:ApiBaseAddress</c>, else the service-discovery entries Aspire injects (<c>services:api:https:0</c>,
/// <c>services:api:http:0</c>).</summary>
public static class ApiAddress
{
    public static Uri? Resolve(IConfiguration configuration)
    {
        foreach (var key in new[] { "Toolkit:ApiBaseAddress", "services:api:https:0", "services:api:http:0" })
        {
            var value = configuration[key];
            if (!string.IsNullOrWhiteSpace(value) && Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme.StartsWith("http", StringComparison.Ordinal))
                return uri;
        }
        return null;
    }
}
