using IgnitionToolkit.Api.Security;
using IgnitionToolkit.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace IgnitionToolkit.Api.Tests.Security;

/// <summary>The default API: security headers on every answer, CORS closed, no HTTPS redirect.</summary>
[Trait("Category", "Functional")]
public sealed class SecurityHeadersTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Theory]
    [InlineData("/api/v1/version", false, StatusCodes.Status200OK)]
    [InlineData("/api/v1/executions/00000000-0000-0000-0000-000000000001", true, StatusCodes.Status404NotFound)]
    [InlineData("/api/v1/executions/00000000-0000-0000-0000-000000000001", false, StatusCodes.Status401Unauthorized)]
    public async Task Json_answers_carry_the_security_headers(string path, bool signedIn, int status)
    {
        var token = signedIn ? api.TokenFor() : null;
        var response = (await api.SendAsync(path, configure: r => { if (token is not null) r.Headers.Authorization = "Bearer " + token; })).Response;
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'", response.Headers.ContentSecurityPolicy.ToString());
        Assert.Equal("nosniff", response.Headers.XContentTypeOptions.ToString());
        Assert.Equal("DENY", response.Headers.XFrameOptions.ToString());
        Assert.Equal("no-referrer", response.Headers["Referrer-Policy"].ToString());
        Assert.Contains("camera=()", response.Headers["Permissions-Policy"].ToString());
        Assert.False(response.Headers.ContainsKey("Strict-Transport-Security")); // HTTPS is not configured
    }

    [Fact]
    public async Task The_API_reference_page_runs_only_its_own_scripts()
    {
        var page = await api.SendAsync("/scalar/v1");
        Assert.Equal(StatusCodes.Status200OK, page.Response.StatusCode);
        Assert.Contains("scalar", await page.BodyAsync());
        var csp = page.Response.Headers.ContentSecurityPolicy.ToString();
        Assert.Equal(ApiContentSecurityPolicy.Reference, csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.DoesNotContain("http", csp); // nothing from other sites (no CDN, no web fonts)
    }

    [Fact]
    public async Task CORS_is_closed_by_default()
    {
        var get = await api.SendAsync("/api/v1/version", configure: r => r.Headers.Origin = "https://evil.example");
        Assert.Equal(StatusCodes.Status200OK, get.Response.StatusCode);
        Assert.False(get.Response.Headers.ContainsKey("Access-Control-Allow-Origin"));

        var preflight = await api.SendAsync("/api/v1/executions", method: "OPTIONS", configure: r =>
        {
            r.Headers.Origin = "https://evil.example";
            r.Headers.AccessControlRequestMethod = "POST";
        });
        Assert.False(preflight.Response.Headers.ContainsKey("Access-Control-Allow-Origin"));
        Assert.False(preflight.Response.Headers.ContainsKey("Access-Control-Allow-Methods"));
    }

    [Fact]
    public async Task Plain_http_is_served_when_no_redirect_is_configured()
    {
        var response = (await api.SendAsync("/api/v1/version", scheme: "http")).Response;
        Assert.Equal(StatusCodes.Status200OK, response.StatusCode);
    }
}
