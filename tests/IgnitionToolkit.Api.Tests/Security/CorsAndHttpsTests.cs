using Microsoft.AspNetCore.Http;

namespace IgnitionToolkit.Api.Tests.Security;

/// <summary>An API configured with allowed origins and HTTPS redirection.</summary>
[Trait("Category", "Functional")]
public sealed class CorsAndHttpsTests(OpenedApiFixture api) : IClassFixture<OpenedApiFixture>
{
    [Fact]
    public async Task A_configured_origin_may_call_the_API_and_another_may_not()
    {
        var preflight = await api.SendAsync("/api/v1/executions", method: "OPTIONS", scheme: "https", configure: r =>
        {
            r.Headers.Origin = OpenedApiFixture.AllowedOrigin;
            r.Headers.AccessControlRequestMethod = "POST";
            r.Headers.AccessControlRequestHeaders = "content-type";
        });
        Assert.Equal(StatusCodes.Status204NoContent, preflight.Response.StatusCode);
        Assert.Equal(OpenedApiFixture.AllowedOrigin, preflight.Response.Headers.AccessControlAllowOrigin.ToString());
        Assert.Contains("POST", preflight.Response.Headers.AccessControlAllowMethods.ToString());

        var get = await api.SendAsync("/api/v1/version", scheme: "https", configure: r => r.Headers.Origin = "http://localhost:5173");
        Assert.Equal(StatusCodes.Status200OK, get.Response.StatusCode);
        Assert.Equal("http://localhost:5173", get.Response.Headers.AccessControlAllowOrigin.ToString());

        var foreign = await api.SendAsync("/api/v1/version", scheme: "https", configure: r => r.Headers.Origin = "https://evil.example");
        Assert.Equal(StatusCodes.Status200OK, foreign.Response.StatusCode);
        Assert.False(foreign.Response.Headers.ContainsKey("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Plain_http_is_redirected_to_https_and_https_answers_carry_HSTS()
    {
        var http = await api.SendAsync("/api/v1/executions", scheme: "http", configure: r => r.QueryString = new QueryString("?limit=5"));
        Assert.Equal(StatusCodes.Status307TemporaryRedirect, http.Response.StatusCode);
        Assert.Equal($"https://toolkit.test:{OpenedApiFixture.HttpsPort}/api/v1/executions?limit=5", http.Response.Headers.Location.ToString());

        var https = await api.SendAsync("/api/v1/version", scheme: "https");
        Assert.Equal(StatusCodes.Status200OK, https.Response.StatusCode);
        Assert.Equal("max-age=31536000", https.Response.Headers.StrictTransportSecurity.ToString());
    }

    [Fact]
    public async Task Health_and_metrics_stay_on_plain_http_for_probes()
    {
        foreach (var path in new[] { "/health", "/alive", "/metrics" })
            Assert.Equal(StatusCodes.Status200OK, (await api.SendAsync(path, scheme: "http")).Response.StatusCode);
    }
}
