namespace IgnitionToolkit.Api.Credentials;

/// <summary>Demo mode (<c>Toolkit:Demo=true</c>, set by the AppHost's demo mode): makes sure the vault holds
/// <c>demo-gateway</c>, the gateway simulator's admin login at <c>Toolkit:DemoGatewayUrl</c>. Runs after the migrations.</summary>
public sealed class DemoCredentialSeeder(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<DemoCredentialSeeder> logger) : IHostedService
{
    public const string Name = "demo-gateway";
    public const string DemoKey = "Toolkit:Demo";
    public const string GatewayUrlKey = "Toolkit:DemoGatewayUrl";
    public const string DefaultGatewayUrl = "http://127.0.0.1:8088";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue(DemoKey, false)) return;
        var url = configuration[GatewayUrlKey] is { Length: > 0 } configured ? configured.TrimEnd('/') : DefaultGatewayUrl;
        var fields = new Dictionary<string, string> { ["username"] = "admin", ["password"] = "password", ["gateway_url"] = url };
        await using var scope = scopes.CreateAsyncScope();
        var vault = scope.ServiceProvider.GetRequiredService<CredentialVault>();
        try
        {
            if (await vault.FindAsync(Name, cancellationToken) is { } existing)
                await vault.UpdateAsync(existing, fields, cancellationToken);
            else
                await vault.AddAsync(Name, CredentialKinds.Find(CredentialKinds.GatewayLogin)!, "Demo mode: the gateway simulator's admin login", fields, cancellationToken);
            logger.LogInformation("Demo mode: credential {Name} points at the gateway simulator {Url}", Name, url);
        }
        catch (VaultKeyException ex)
        {
            logger.LogError("Demo mode: could not store credential {Name}: {Message}", Name, ex.Message);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
