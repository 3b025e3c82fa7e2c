using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IgnitionToolkit.AppHost.Tests.Infrastructure;

/// <summary>
/// Starts the whole application once for a test class through the real AppHost (api, runner, web), with RabbitMQ given as
/// a connection string, and waits until every service reports healthy. Stops it and removes its data folder afterwards.
/// </summary>
public sealed class ToolkitAppFixture : IAsyncLifetime
{
    public static readonly string[] Services = ["api", "runner", "web"];

    private readonly string dataDirectory = TestSettings.NewTempDirectory("apphost");
    private DistributedApplication? app;

    public DistributedApplication App => app ?? throw new InvalidOperationException("The application has not started.");

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TestSettings.StartTimeout);
        var busPrefix = $"apphost-test-{Guid.NewGuid():N}"[..24];
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.IgnitionToolkit_AppHost>(
            TestSettings.AppHostArgs(dataDirectory, busPrefix), timeout.Token);
        // Failed health probes while the services start are expected: keep them out of the test output.
        builder.Services.AddLogging(logging => logging
            .AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.None)
            .AddFilter("Aspire.Hosting.Dcp", LogLevel.Warning));
        app = await builder.BuildAsync(timeout.Token);
        await app.StartAsync(timeout.Token);
        foreach (var service in Services.Append("messaging"))
        {
            await app.ResourceNotifications.WaitForResourceHealthyAsync(service, timeout.Token);
        }
    }

    public HttpClient CreateClient(string resource) => App.CreateHttpClient(resource, "http");

    /// <summary>A client of the API signed in as the first admin (password from <see cref="TestSettings.AdminPassword"/>).</summary>
    public async Task<HttpClient> CreateApiClientAsync()
    {
        var client = CreateClient("api");
        using var login = await client.PostAsJsonAsync("/api/v1/auth/login", new
        {
            username = IgnitionToolkit.AppHost.Hosting.AuthParameterExtensions.DefaultAdminUser,
            password = TestSettings.AdminPassword,
        });
        var body = await login.Content.ReadAsStringAsync();
        if (!login.IsSuccessStatusCode) throw new InvalidOperationException($"login answered {(int)login.StatusCode}: {body}");
        var token = System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async Task DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A service may still be releasing a file; the folder is under the system temp directory.
        }
    }
}

/// <summary>Test classes in this collection share one running application.</summary>
[CollectionDefinition(Name)]
public sealed class ToolkitAppCollection : ICollectionFixture<ToolkitAppFixture>
{
    public const string Name = "Toolkit application";
}
