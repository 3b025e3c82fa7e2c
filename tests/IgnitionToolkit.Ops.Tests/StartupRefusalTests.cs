using IgnitionToolkit.Testing;

namespace IgnitionToolkit.Ops.Tests;

/// <summary>Wrong settings stop a service at start-up with a message naming the environment variable (exit code 2).</summary>
[Trait("Category", "Functional")]
public sealed class StartupRefusalTests : IDisposable
{
    private readonly List<string> _directories = [];

    public void Dispose()
    {
        foreach (var directory in _directories.Where(Directory.Exists))
        {
            try { Directory.Delete(directory, recursive: true); }
            catch (IOException) { /* a process that just exited may still hold a file; the temp cleaner takes it */ }
        }
    }

    private Dictionary<string, string> Environment(params (string Key, string Value)[] extra)
    {
        var root = Path.Combine(Path.GetTempPath(), "toolkit-ops-" + Guid.NewGuid().ToString("N"));
        _directories.Add(root);
        var env = new Dictionary<string, string>
        {
            ["ConnectionStrings__messaging"] = TestServices.RabbitMq,
            ["Toolkit__Bus__Prefix"] = "ops" + Guid.NewGuid().ToString("N")[..10],
            ["Toolkit__DataDirectory"] = Path.Combine(root, "data"),
            ["Toolkit__PlaybooksDirectory"] = Path.Combine(root, "playbooks"),
        };
        foreach (var (key, value) in extra) env[key] = value;
        return env;
    }

    private async Task<string> ExpectRefusalAsync(string project, Dictionary<string, string> environment)
    {
        var cwd = Directory.CreateTempSubdirectory("toolkit-ops-cwd-").FullName;
        _directories.Add(cwd);
        await using var process = ToolkitProcess.Start(project, cwd, environment);
        // Exited and every line read: the assertions below never race the output pipes.
        Assert.True(await process.WaitForExitAsync(TimeSpan.FromMinutes(3)), $"{project} did not refuse to start:\n{process.Output}");
        Assert.Equal(2, process.ExitCode);
        Assert.Contains("the configuration is invalid", process.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", process.Output); // a message, not a stack trace
        return process.Output;
    }

    [Fact]
    public async Task Api_names_the_invalid_variables()
    {
        var output = await ExpectRefusalAsync("IgnitionToolkit.Api", Environment(
            ("Toolkit__Executions__HeartbeatTimeout", "-5"), ("Toolkit__Logging__RetainedFiles", "0"), ("Toolkit__Metrics__SampleInterval", "00:00:00")));
        Assert.Contains("Toolkit__Executions__HeartbeatTimeout must be a positive duration", output);
        Assert.Contains("Toolkit__Logging__RetainedFiles must be at least 1", output);
        Assert.Contains("Toolkit__Metrics__SampleInterval must be a positive duration", output);
    }

    [Fact]
    public async Task Runner_names_the_invalid_variables()
    {
        var output = await ExpectRefusalAsync("IgnitionToolkit.Runner", Environment(
            ("Runner__MaxConcurrentExecutions", "0"), ("Toolkit__Gateway__RequestTimeout", "-00:00:01"), ("Toolkit__Logging__Format", "xml")));
        Assert.Contains("Runner__MaxConcurrentExecutions must be at least 1", output);
        Assert.Contains("Toolkit__Gateway__RequestTimeout must be a positive duration", output);
        Assert.Contains("Toolkit__Logging__Format must be one of auto, text, json", output);
    }

    [Fact]
    public async Task Production_refuses_the_default_broker_credentials_on_a_remote_host()
    {
        var env = Environment(("ConnectionStrings__messaging", "amqp://guest:guest@rabbitmq.example.net:5672"),
            ("ASPNETCORE_ENVIRONMENT", "Production"), ("DOTNET_ENVIRONMENT", "Production"));
        foreach (var project in new[] { "IgnitionToolkit.Api", "IgnitionToolkit.Runner" })
        {
            var output = await ExpectRefusalAsync(project, env);
            Assert.Contains("ConnectionStrings__messaging uses RabbitMQ's default user 'guest'", output);
            Assert.Contains("ConnectionStrings__messaging has a missing or well-known default password", output);
            Assert.DoesNotContain("guest:guest", output);
        }
    }

    [Fact]
    public async Task Production_refuses_a_missing_broker_and_a_default_database_password()
    {
        var env = Environment(("ASPNETCORE_ENVIRONMENT", "Production"), ("DOTNET_ENVIRONMENT", "Production"),
            ("ConnectionStrings__toolkitdb", "Host=db.example.net;Database=toolkit;Username=postgres;Password=postgres"));
        env.Remove("ConnectionStrings__messaging");
        var output = await ExpectRefusalAsync("IgnitionToolkit.Api", env);
        Assert.Contains("ConnectionStrings__messaging must be set in Production", output);
        Assert.Contains("ConnectionStrings__toolkitdb has a missing or well-known default password", output);
    }

    [Fact]
    public async Task Production_refuses_the_development_signing_key_and_admin_password()
    {
        var env = Environment(("ASPNETCORE_ENVIRONMENT", "Production"), ("DOTNET_ENVIRONMENT", "Production"),
            ("Toolkit__Auth__SigningKey", "ignition-toolkit-development-signing-key-not-for-production"),
            ("Toolkit__Auth__AdminPassword", "toolkit-dev-admin"));
        var output = await ExpectRefusalAsync("IgnitionToolkit.Api", env);
        Assert.Contains("Toolkit__Auth__SigningKey has a well-known default value", output);
        Assert.Contains("Toolkit__Auth__AdminPassword has a well-known default value", output);
        Assert.DoesNotContain("toolkit-dev-admin", output);

        env.Remove("Toolkit__Auth__SigningKey");
        env.Remove("Toolkit__Auth__AdminPassword");
        var missing = await ExpectRefusalAsync("IgnitionToolkit.Api", env);
        Assert.Contains("Toolkit__Auth__SigningKey must be set in Production", missing);
        Assert.Contains("Toolkit__Auth__AdminPassword must be set in Production", missing);
    }

    private static string RandomKey(int bytes = 32) => Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(bytes));

    [Fact]
    public async Task Production_refuses_a_missing_or_placeholder_vault_key_and_credential_key()
    {
        var env = Environment(("ASPNETCORE_ENVIRONMENT", "Production"), ("DOTNET_ENVIRONMENT", "Production"),
            ("Toolkit__Auth__SigningKey", RandomKey(48)), ("Toolkit__Auth__AdminPassword", "a-real-admin-password-1"));
        var missing = await ExpectRefusalAsync("IgnitionToolkit.Api", env);
        Assert.Contains("Toolkit__Vault__Key must be set in Production", missing);
        Assert.Contains("the API creates no vault key in Production", missing);
        Assert.Contains("Toolkit__Bus__CredentialKey must be set in Production", missing);

        var zeros = Convert.ToBase64String(new byte[32]);
        env["Toolkit__Vault__Key"] = zeros;
        env["Toolkit__Bus__CredentialKey"] = "not-base64!";
        var placeholder = await ExpectRefusalAsync("IgnitionToolkit.Api", env);
        Assert.Contains("Toolkit__Vault__Key looks like a placeholder", placeholder);
        Assert.Contains("Toolkit__Bus__CredentialKey is not valid base64", placeholder);
        Assert.DoesNotContain(zeros, placeholder);

        var runner = await ExpectRefusalAsync("IgnitionToolkit.Runner", Environment(("ASPNETCORE_ENVIRONMENT", "Production"), ("DOTNET_ENVIRONMENT", "Production"),
            ("Toolkit__Bus__CredentialKey", RandomKey(16))));
        Assert.Contains("Toolkit__Bus__CredentialKey must be 32 bytes in base64 (got 16 bytes)", runner);
    }

    [Fact]
    public async Task Production_starts_with_its_own_secrets()
    {
        var env = Environment(("ASPNETCORE_ENVIRONMENT", "Production"), ("DOTNET_ENVIRONMENT", "Production"),
            ("Toolkit__Auth__SigningKey", RandomKey(48)), ("Toolkit__Auth__AdminPassword", "a-real-admin-password-1"),
            ("Toolkit__Vault__Key", RandomKey()), ("Toolkit__Bus__CredentialKey", RandomKey()));
        var cwd = Directory.CreateTempSubdirectory("toolkit-ops-cwd-").FullName;
        _directories.Add(cwd);
        await using var api = ToolkitProcess.Start("IgnitionToolkit.Api", cwd, env);
        await api.WaitHealthyAsync(Wait.ServiceStart);
        Assert.DoesNotContain("the configuration is invalid", api.Output);
    }
}
