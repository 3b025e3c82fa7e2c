using System.Net.Http.Headers;
using IgnitionToolkit.Api.Auth;
using IgnitionToolkit.Api.Extensions;
using IgnitionToolkit.Api.Messaging;
using IgnitionToolkit.Api.Persistence;
using IgnitionToolkit.Api.Persistence.Entities;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using IgnitionToolkit.Contracts.Bus;
using IgnitionToolkit.Testing;
using Microsoft.Extensions.Time.Testing;

namespace IgnitionToolkit.Api.Tests.Infrastructure;

/// <summary>
/// One API under test (WebApplicationFactory) with its real services (step catalogue from the built-in plugins and an
/// empty plugins folder, the parser's playbook loader) on real RabbitMQ with a unique naming prefix, a temporary data
/// folder and playbook library (real YAML files), and a <see cref="FakeRunner"/> on the other side of the bus. SQLite by default;
/// <see cref="PostgresApiFixture"/> uses a fresh PostgreSQL database that is dropped afterwards.
/// </summary>
public class ApiFixture : IAsyncLifetime
{
    public string Prefix { get; } = TestServices.NewBusPrefix("apitest");
    public string Root { get; }
    public string DataDirectory => Path.Combine(Root, "data");
    public string PlaybooksDirectory => Path.Combine(Root, "playbooks");
    public string PluginsDirectory => Path.Combine(Root, "plugins");
    public WebApplicationFactory<Program> Factory { get; private set; } = null!;
    /// <summary>A client signed in as the configured admin (bearer token), as every API caller must be.</summary>
    public HttpClient Client { get; private set; } = null!;
    public const string AdminUser = "admin";
    public const string AdminPassword = "test-admin-password";
    public const string SigningKey = "api-tests-signing-key-0123456789-abcdefghijklmnop";
    public FakeRunner Runner { get; }

    /// <summary>Seconds without heartbeat before an execution is interrupted.</summary>
    protected virtual string HeartbeatTimeoutSeconds => "30";

    public ApiFixture()
    {
        Root = Path.Combine(Path.GetTempPath(), "toolkit-api-tests", Prefix);
        Runner = new FakeRunner(Prefix, TestServices.RabbitMqUri);
    }

    /// <summary>The broker the API talks to (an unreachable one in the broker-down tests).</summary>
    protected virtual Uri Broker => TestServices.RabbitMqUri;

    protected virtual bool BrokerAvailable => true;

    /// <summary>Extra settings of a fixture (e.g. vault and transport keys).</summary>
    protected virtual void ConfigureApi(IWebHostBuilder builder)
    {
    }

    /// <summary>True: the API listens on a real Kestrel port (its HTTP parsing included) instead of the in-memory test server.</summary>
    protected virtual bool RealServer => false;

    protected virtual Task<string?> CreateDatabaseAsync() => Task.FromResult<string?>(null);

    protected virtual Task DropDatabaseAsync() => Task.CompletedTask;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(DataDirectory);
        Directory.CreateDirectory(PlaybooksDirectory);
        Directory.CreateDirectory(PluginsDirectory);
        var connectionString = await CreateDatabaseAsync();
        Factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("Toolkit:DataDirectory", DataDirectory);
            builder.UseSetting("Toolkit:PlaybooksDirectory", PlaybooksDirectory);
            builder.UseSetting(BusEndpoints.PrefixKey, Prefix);
            builder.UseSetting($"ConnectionStrings:{BusEndpoints.ConnectionStringName}", Broker.ToString());
            builder.UseSetting(MessagingExtensions.WaitUntilStartedKey, BrokerAvailable ? "true" : "false");
            builder.UseSetting(HeartbeatMonitorOptions.TimeoutKey, HeartbeatTimeoutSeconds);
            if (connectionString is not null)
                builder.UseSetting($"ConnectionStrings:{PersistenceExtensions.ConnectionStringName}", connectionString);
            builder.UseSetting("Toolkit:PluginsDirectory", PluginsDirectory);
            builder.UseSetting(AuthOptions.SigningKeyKey, SigningKey);
            builder.UseSetting(AuthOptions.AdminUserKey, AdminUser);
            builder.UseSetting(AuthOptions.AdminPasswordKey, AdminPassword);
            ConfigureApi(builder);
        });
        if (RealServer) Factory.UseKestrel(0);
        Client = Authorize(Factory.CreateClient());
        if (BrokerAvailable) await Runner.StartAsync();
    }

    /// <summary>The API's clock when a fixture replaces it (it then moves only when the test moves it).</summary>
    protected virtual FakeTimeProvider? ManualClock => null;

    public async Task DisposeAsync()
    {
        await Runner.DisposeAsync();
        Client.Dispose();
        await StopApiAsync();
        await DropDatabaseAsync();
        if (BrokerAvailable) await TestBroker.DeleteAsync(Prefix);
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by the OS is left in the temp folder.
        }
    }

    /// <summary>Stops the API. On a manual clock, time keeps moving meanwhile: Polly waits on the API's clock for calls
    /// still retrying (e.g. a webhook to an address nobody answers) before it lets the host go, so a clock that stands
    /// still would hold the host, and the test run, forever.</summary>
    private async Task StopApiAsync()
    {
        if (ManualClock is not { } clock)
        {
            await Factory.DisposeAsync();
            return;
        }
        var stopping = Factory.DisposeAsync().AsTask();
        while (!stopping.IsCompleted)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(stopping, Task.Delay(10));
        }
        await stopping;
    }

    /// <summary>Copies a folder of the repository's example library (<c>playbooks/&lt;folder&gt;</c>) into the library.</summary>
    public void CopyExamples(string folder)
    {
        var root = IgnitionToolkit.Core.Configuration.ToolkitPaths.FindRepositoryRoot(AppContext.BaseDirectory)
            ?? throw new InvalidOperationException("tests must run from the repository checkout");
        foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "playbooks", folder), "*.yaml"))
            WritePlaybook($"{folder}/{Path.GetFileName(file)}", File.ReadAllText(file));
    }

    /// <summary>Writes a playbook into the library folder.</summary>
    public string WritePlaybook(string relativePath, string yaml)
    {
        var full = Path.Combine(PlaybooksDirectory, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, yaml);
        return relativePath;
    }

    /// <summary>A signed access token for <paramref name="userName"/> with <paramref name="role"/> (valid for every
    /// factory derived from <see cref="Factory"/>: they share the signing key and the database). The user is created with
    /// that role when missing, as the API refuses tokens of unknown users (security stamps).</summary>
    public string TokenFor(string role = Roles.Admin, string userName = AdminUser)
    {
        using var scope = Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ToolkitDbContext>();
        var normalized = UserNames.Normalize(userName);
        var user = db.Users.AsNoTracking().FirstOrDefault(u => u.UserName == normalized);
        if (user is null)
        {
            user = new UserRecord
            {
                Id = Guid.NewGuid(), UserName = normalized, PasswordHash = "", Role = role, SecurityStamp = SecurityStamps.New(),
                CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
            };
            user.PasswordHash = scope.ServiceProvider.GetRequiredService<IPasswordHasher<UserRecord>>().HashPassword(user, Guid.NewGuid().ToString("N"));
            db.Users.Add(user);
            db.SaveChanges();
        }
        if (user.Role != role)
            throw new InvalidOperationException($"test user '{normalized}' is {user.Role}, not {role}: use another user name for a token of that role");
        return scope.ServiceProvider.GetRequiredService<TokenIssuer>().Issue(user.Id, user.UserName, user.Role, user.SecurityStamp).AccessToken;
    }

    /// <summary>Adds an admin (or <paramref name="role"/>) bearer token to <paramref name="client"/>.</summary>
    public HttpClient Authorize(HttpClient client, string role = Roles.Admin, string userName = AdminUser)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TokenFor(role, userName));
        return client;
    }

    /// <summary>A client without a token.</summary>
    public HttpClient CreateAnonymousClient() => Factory.CreateClient();

    public AsyncServiceScope CreateScope() => Factory.Services.CreateAsyncScope();
}
