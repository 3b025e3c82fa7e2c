using System.Net;
using IgnitionToolkit.ServiceDefaults.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace IgnitionToolkit.Api.Tests.Security;

/// <summary>The shared security pipeline in a service that places its own authentication after it (as a service with
/// explicit <c>UseAuthentication()</c>/<c>UseAuthorization()</c> calls does): users are still counted by name.</summary>
[Trait("Category", "Unit")]
public sealed class RateLimitPipelineTests
{
    [Fact]
    public async Task Users_are_counted_by_name_when_the_service_authenticates_after_the_limiter()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Configuration["Toolkit:RateLimit:PermitLimit"] = "2";
        builder.AddToolkitSecurity();
        builder.Services.AddAuthentication(HeaderUserHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, HeaderUserHandler>(HeaderUserHandler.SchemeName, null);
        builder.Services.AddAuthorization();
        await using var app = builder.Build();
        app.UseToolkitSecurity(_ => "default-src 'none'");
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/who", (HttpContext c) => c.User.Identity?.Name ?? "anonymous").RequireAuthorization();
        await app.StartAsync();

        async Task<int> SendAsync(string? user) => (await app.GetTestServer().SendAsync(c =>
        {
            c.Request.Path = "/who";
            c.Connection.RemoteIpAddress = IPAddress.Parse("10.5.0.1");
            if (user is not null) c.Request.Headers["X-Test-User"] = user;
        })).Response.StatusCode;

        Assert.Equal(StatusCodes.Status200OK, await SendAsync("alice"));
        Assert.Equal(StatusCodes.Status200OK, await SendAsync("alice"));
        Assert.Equal(StatusCodes.Status429TooManyRequests, await SendAsync("alice"));
        Assert.Equal(StatusCodes.Status200OK, await SendAsync("bob"));
        Assert.Equal(StatusCodes.Status401Unauthorized, await SendAsync(null)); // anonymous: its own (address) window, then refused by authorization
        Assert.Equal(StatusCodes.Status401Unauthorized, await SendAsync(null));
        Assert.Equal(StatusCodes.Status429TooManyRequests, await SendAsync(null)); // an anonymous flood is limited before authorization
        await app.StopAsync();
    }
}
