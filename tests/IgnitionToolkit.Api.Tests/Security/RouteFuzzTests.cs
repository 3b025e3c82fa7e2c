using System.Net;
using System.Text;
using IgnitionToolkit.Api.Tests.Infrastructure;
using IgnitionToolkit.Core.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace IgnitionToolkit.Api.Tests.Security;

/// <summary>An API with a vault and a rate limit that lets the fuzzer through (its own limit is tested elsewhere).</summary>
[Trait("Category", "Functional")]
public sealed class FuzzApiFixture : ApiFixture
{
    protected override bool RealServer => true; // Kestrel parses the hostile URLs as in production

    protected override void ConfigureApi(IWebHostBuilder builder)
    {
        builder.UseSetting(CredentialTransport.ConfigurationKey, Convert.ToBase64String(SecretEnvelope.NewKey()));
        builder.UseSetting("Toolkit:RateLimit:PermitLimit", "1000000");
    }
}

/// <summary>
/// Every route of the API, called as an admin with hostile path values, bodies and headers (a fixed seed, so a failure
/// is reproducible): bad input is a 4xx problem, never a 5xx, and the API is healthy afterwards.
/// </summary>
[Trait("Category", "Functional")]
public sealed class RouteFuzzTests(FuzzApiFixture api) : IClassFixture<FuzzApiFixture>
{
    private static readonly string[] HostileSegments =
    [
        "%00", "a%00b.yaml", "..%2F..%2Fetc%2Fpasswd", "..", "%2e%2e", "con.yaml", new string('a', 5000), "%E2%80%AE.yaml",
        "%F0%9F%99%82", "-1", "00000000-0000-0000-0000-000000000000", "%0d%0aSet-Cookie:x=y", "%25", "a/b/c/d/e/f/g.yaml",
        "x.yaml%00.txt", "~root", "%C0%AE%C0%AE", " ", "null",
    ];

    private static readonly string[] HostileBodies =
    [
        "", "{", "null", "[]", "\"text\"", "123", "{\"path\":\"a\\u0000b.yaml\",\"yaml\":\"name: x\"}",
        "{\"path\":1,\"yaml\":{},\"playbook\":[],\"parameters\":\"x\",\"name\":{}}",
        "{\"playbook\":\"../../etc/passwd\",\"parameters\":{\"a\":{\"b\":[1,2,{\"c\":null}]}}}",
        "{\"username\":\"\\u0000\",\"password\":\"" + new string('p', 10000) + "\",\"role\":\"root\"}",
        "{\"name\":\"" + new string('n', 300) + "\",\"kind\":\"gateway_login\",\"fields\":{\"password\":null}}",
        new string('[', 5000) + new string(']', 5000),
        "{\"yaml\":\"" + new string('x', 2 * 1024 * 1024) + "\"}",
        "{\"command\":\"\\ud800\"}",
    ];

    private static readonly string[] ContentTypes = ["application/json", "text/plain", "application/json; charset=utf-42", "multipart/form-data"];

    [Fact]
    public async Task Hostile_requests_to_every_route_get_4xx_never_5xx_and_the_api_stays_healthy()
    {
#pragma warning disable CA5394 // a seeded generator on purpose: a failure must be reproducible, nothing here is secret
        var random = new Random(20261206);
        using var client = api.Authorize(api.Factory.CreateClient());
        var routes = api.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (Method: m, Pattern: e.RoutePattern.RawText ?? "")))
            .Where(r => r.Pattern.Length > 0 && !r.Pattern.StartsWith("/hubs", StringComparison.Ordinal))
            .Distinct().ToList();
        Assert.True(routes.Count > 20, $"only {routes.Count} routes found");

        var failures = new List<string>();
        foreach (var (method, pattern) in routes)
        {
            foreach (var segment in HostileSegments)
                await SendAsync(method, Fill(pattern, segment), HostileBodies[random.Next(HostileBodies.Length)], ContentTypes[random.Next(ContentTypes.Length)]);
            if (method is "POST" or "PUT" or "PATCH")
                foreach (var body in HostileBodies)
                    await SendAsync(method, Fill(pattern, HostileSegments[random.Next(HostileSegments.Length)]), body, ContentTypes[random.Next(ContentTypes.Length)]);
        }

#pragma warning restore CA5394
        Assert.True(failures.Count == 0, $"{failures.Count} answers were 5xx:\n" + string.Join("\n", failures.Take(40)));
        using var health = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);

        async Task SendAsync(string method, string url, string body, string contentType)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), url);
            if (method is not ("GET" or "HEAD" or "DELETE"))
            {
                request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
                request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }
            try
            {
                using var response = await client.SendAsync(request);
                if ((int)response.StatusCode >= 500)
                    failures.Add($"{(int)response.StatusCode} {method} {Short(url)} body {Short(body)} ({contentType}): {Short(await response.Content.ReadAsStringAsync())}");
            }
            catch (HttpRequestException ex) when (ex.InnerException is IOException)
            {
                // The server answered before reading the whole body (e.g. Kestrel's 400 for a NUL in the path) and closed
                // the connection while the client was still sending: a refusal, not a failure of the server.
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                failures.Add($"exception {method} {Short(url)} body {Short(body)}: {ex.GetType().Name}: {Short(ex.Message)}");
            }
        }
    }

    /// <summary>The route pattern with every parameter ({id}, {id:guid}, {**path}) replaced by <paramref name="value"/>.</summary>
    private static string Fill(string pattern, string value) =>
        System.Text.RegularExpressions.Regex.Replace(pattern, @"\{[^}]+\}", value);

    private static string Short(string text) => text.Length <= 160 ? text : text[..160] + "…";
}
