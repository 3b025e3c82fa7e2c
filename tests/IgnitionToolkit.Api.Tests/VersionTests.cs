using System.Net;
using IgnitionToolkit.Api.Tests.Infrastructure;
using IgnitionToolkit.Core.Plugins;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace IgnitionToolkit.Api.Tests;

[Trait("Category", "Functional")]
public sealed class VersionTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Version_endpoint_serves_the_VERSION_file()
    {
        var expected = File.ReadAllText(Path.Combine(RepoRoot(), "VERSION")).Trim();
        var body = await api.Client.GetJsonAsync("/api/v1/version");
        Assert.Equal(expected, body["version"]!.GetValue<string>());
        Assert.Equal("3.0.0", body["version"]!.GetValue<string>());
        Assert.Equal("sqlite", body["database"]!.GetValue<string>());
    }

    [Fact]
    public async Task Health_reports_database_and_bus()
    {
        var body = await api.Client.GetJsonAsync("/health");
        Assert.Equal("Healthy", body["status"]!.GetValue<string>());
        Assert.NotNull(body["components"]!["database"]);
        Assert.NotNull(body["components"]!["masstransit-bus"]);
    }

    [Fact]
    public async Task Unknown_routes_and_unknown_executions_are_problem_details()
    {
        using var missing = await api.Client.GetAsync("/api/v1/executions/" + Guid.NewGuid());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType!.MediaType);
        var problem = await missing.ReadJsonAsync();
        Assert.Equal(404, problem["status"]!.GetValue<int>());
        Assert.Contains("does not exist", problem["detail"]!.GetValue<string>());

        using var malformed = await api.Client.PostAsync("/api/v1/executions",
            new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal("application/problem+json", malformed.Content.Headers.ContentType!.MediaType);
        Assert.DoesNotContain("   at ", await malformed.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Unhandled_errors_are_problem_details_without_stack_traces()
    {
        await using var broken = api.Factory.WithWebHostBuilder(b => b.ConfigureTestServices(
            services => services.AddSingleton<IStepCatalog, ThrowingStepCatalog>()));
        using var client = api.Authorize(broken.CreateClient());
        using var response = await client.GetAsync("/api/v1/step-types");
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("secret-internal-frame", body);
        Assert.DoesNotContain("   at ", body);
        Assert.Equal(500, System.Text.Json.Nodes.JsonNode.Parse(body)!["status"]!.GetValue<int>());
    }

    private static string RepoRoot() =>
        IgnitionToolkit.Core.Configuration.ToolkitPaths.FindRepositoryRoot(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("tests must run from the repository checkout");
}
