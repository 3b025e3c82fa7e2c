using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IgnitionToolkit.AppHost.Tests.Infrastructure;

namespace IgnitionToolkit.AppHost.Tests;

/// <summary>The whole application started through the AppHost, as `make start` does, with RabbitMQ as a connection string.</summary>
[Trait("Category", "Functional")]
[Collection(ToolkitAppCollection.Name)]
public sealed class ApplicationTests(ToolkitAppFixture fixture)
{
    private const string ExpectedVersion = "3.0.0";

    [Fact]
    public async Task Every_service_answers_health_with_its_components()
    {
        foreach (var service in ToolkitAppFixture.Services)
        {
            using var client = fixture.CreateClient(service);
            using var response = await client.GetAsync("/health");
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();

            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{service} /health answered {(int)response.StatusCode}: {body}");
            Assert.Equal("Healthy", body.Text("status"));
            Assert.Equal(JsonValueKind.Object, body.Property("components")?.ValueKind);

            using var alive = await client.GetAsync("/alive");
            Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        }
    }

    [Fact]
    public async Task Api_serves_the_toolkit_version()
    {
        using var client = fixture.CreateClient("api");
        var version = await client.GetFromJsonAsync<JsonElement>("/api/v1/version");

        Assert.Equal(ExpectedVersion, version.Text("version"));
    }

    [Fact]
    public async Task Web_status_page_shows_the_api_version_read_through_service_discovery()
    {
        using var client = fixture.CreateClient("web");
        var html = await client.GetStringAsync("/");

        Assert.Contains("Ignition Toolkit", html, StringComparison.Ordinal);
        Assert.Contains($"v{ExpectedVersion}", html, StringComparison.Ordinal);
        Assert.DoesNotContain("The API could not be read", html, StringComparison.Ordinal);
        Assert.Contains($"data-testid=\"api-version\">{ExpectedVersion}<", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_are_exposed_for_prometheus()
    {
        using var client = fixture.CreateClient("api");
        var metrics = await client.GetStringAsync("/metrics");

        Assert.Contains("# TYPE", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_requires_a_token_and_the_apphost_admin_signs_in()
    {
        using var anonymous = fixture.CreateClient("api");
        using var refused = await anonymous.GetAsync("/api/v1/executions");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

        using var admin = await fixture.CreateApiClientAsync();
        var me = await admin.GetFromJsonAsync<JsonElement>("/api/v1/auth/me");
        Assert.Equal("admin", me.GetProperty("user").GetProperty("role").GetString());
    }
}
