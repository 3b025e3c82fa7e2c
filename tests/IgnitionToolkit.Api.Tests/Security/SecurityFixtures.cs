using System.Net;
using IgnitionToolkit.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace IgnitionToolkit.Api.Tests.Security;

/// <summary>An API whose clients may send 5 requests per 10 minutes: a flood is a handful of requests.</summary>
public sealed class RateLimitedApiFixture : ApiFixture
{
    public const int PermitLimit = 5;

    protected override void ConfigureApi(IWebHostBuilder builder)
    {
        builder.UseSetting("Toolkit:RateLimit:PermitLimit", PermitLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Toolkit:RateLimit:Window", "00:10:00");
    }
}

/// <summary>An API opened to two browser origins and redirecting plain HTTP to HTTPS on port 8443.</summary>
public sealed class OpenedApiFixture : ApiFixture
{
    public const string AllowedOrigin = "https://ops.example.com";
    public const string HttpsPort = "8443";

    protected override void ConfigureApi(IWebHostBuilder builder)
    {
        builder.UseSetting("Toolkit:Cors:AllowedOrigins", $"{AllowedOrigin}/, http://localhost:5173");
        builder.UseSetting("Toolkit:Https:Redirect", "true");
        builder.UseSetting("Toolkit:Https:Port", HttpsPort);
    }
}

/// <summary>Requests sent straight to the test server, so a test can choose the client address, scheme and host.</summary>
public static class ClientRequests
{
    public static Task<HttpContext> SendAsync(this ApiFixture api, string path, string clientIp = "10.0.0.1", string method = "GET",
        string scheme = "http", Action<HttpRequest>? configure = null) =>
        api.Factory.Server.SendAsync(context =>
        {
            context.Request.Method = method;
            context.Request.Scheme = scheme;
            context.Request.Host = new HostString("toolkit.test");
            context.Request.Path = path;
            context.Connection.RemoteIpAddress = IPAddress.Parse(clientIp);
            configure?.Invoke(context.Request);
        });

    public static async Task<string> BodyAsync(this HttpContext context)
    {
        using var reader = new StreamReader(context.Response.Body, leaveOpen: true);
        return await reader.ReadToEndAsync();
    }
}
