using System.Globalization;
using System.Security.Claims;
using System.Text.Json.Nodes;
using IgnitionToolkit.ServiceDefaults.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace IgnitionToolkit.Api.Tests.Security;

[Trait("Category", "Functional")]
public sealed class RateLimitTests(RateLimitedApiFixture api) : IClassFixture<RateLimitedApiFixture>
{
    [Fact]
    public async Task A_flood_from_one_client_gets_429_with_Retry_After_while_another_client_is_served()
    {
        for (var i = 0; i < RateLimitedApiFixture.PermitLimit; i++)
            Assert.Equal(StatusCodes.Status200OK, (await api.SendAsync("/api/v1/version", clientIp: "10.1.0.1")).Response.StatusCode);

        var refused = await api.SendAsync("/api/v1/version", clientIp: "10.1.0.1");
        Assert.Equal(StatusCodes.Status429TooManyRequests, refused.Response.StatusCode);
        var retryAfter = int.Parse(refused.Response.Headers.RetryAfter.ToString(), CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 600); // seconds until the 10-minute window ends
        Assert.StartsWith("application/problem+json", refused.Response.ContentType);
        var problem = JsonNode.Parse(await refused.BodyAsync())!;
        Assert.Equal(429, problem["status"]!.GetValue<int>());
        Assert.Contains("retry after", problem["detail"]!.GetValue<string>());
        Assert.Equal("nosniff", refused.Response.Headers.XContentTypeOptions.ToString()); // refusals carry the security headers too

        var token = api.TokenFor();
        var other = await api.SendAsync("/api/v1/playbooks", clientIp: "10.1.0.2", configure: r => r.Headers.Authorization = "Bearer " + token);
        Assert.Equal(StatusCodes.Status200OK, other.Response.StatusCode);
    }

    [Fact]
    public async Task Health_alive_and_metrics_are_never_limited()
    {
        for (var i = 0; i <= RateLimitedApiFixture.PermitLimit; i++) await api.SendAsync("/api/v1/step-types", clientIp: "10.2.0.1");
        Assert.Equal(StatusCodes.Status429TooManyRequests, (await api.SendAsync("/api/v1/step-types", clientIp: "10.2.0.1")).Response.StatusCode);

        for (var i = 0; i < 3 * RateLimitedApiFixture.PermitLimit; i++)
        {
            foreach (var path in new[] { "/health", "/alive", "/metrics" })
                Assert.NotEqual(StatusCodes.Status429TooManyRequests, (await api.SendAsync(path, clientIp: "10.2.0.1")).Response.StatusCode);
        }
    }

    [Fact]
    public async Task Signed_in_users_sharing_an_address_have_their_own_limits()
    {
        await using var withUsers = api.Factory.WithWebHostBuilder(b => b.ConfigureTestServices(services => services
            .AddAuthentication(HeaderUserHandler.SchemeName).AddScheme<AuthenticationSchemeOptions, HeaderUserHandler>(HeaderUserHandler.SchemeName, null)));
        async Task<int> SendAsync(string? user) => (await withUsers.Server.SendAsync(c =>
        {
            c.Request.Path = "/api/v1/version";
            c.Connection.RemoteIpAddress = System.Net.IPAddress.Parse("10.4.0.1");
            if (user is not null) c.Request.Headers["X-Test-User"] = user;
        })).Response.StatusCode;

        for (var i = 0; i < RateLimitedApiFixture.PermitLimit; i++) Assert.Equal(StatusCodes.Status200OK, await SendAsync("alice"));
        Assert.Equal(StatusCodes.Status429TooManyRequests, await SendAsync("alice"));
        Assert.Equal(StatusCodes.Status200OK, await SendAsync("bob"));
        Assert.Equal(StatusCodes.Status200OK, await SendAsync(null)); // anonymous: counted by the address, which alice did not use up
    }

    [Fact]
    public void Signed_in_users_are_counted_by_name_others_by_address()
    {
        var anonymous = new DefaultHttpContext();
        anonymous.Connection.RemoteIpAddress = System.Net.IPAddress.Parse("10.3.0.1");
        Assert.Equal("ip:10.3.0.1", ToolkitRateLimiting.PartitionKey(anonymous));

        var signedIn = new DefaultHttpContext { User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "alice")], "Bearer")) };
        signedIn.Connection.RemoteIpAddress = System.Net.IPAddress.Parse("10.3.0.1");
        Assert.Equal("user:alice", ToolkitRateLimiting.PartitionKey(signedIn));

        Assert.Equal("ip:unknown", ToolkitRateLimiting.PartitionKey(new DefaultHttpContext()));
    }
}
