using IgnitionToolkit.Hosting.Security;

namespace IgnitionToolkit.Api.Credentials;

/// <summary>Demo mode (<c>Toolkit:Demo=true</c>, set by the AppHost's demo mode): makes sure the vault holds
/// <c>demo-gateway</c>, the gateway simulator's admin login at <c>Toolkit:DemoGatewayUrl</c>. Runs after the migrations.</summary>
public sealed partial class DemoCredentialSeeder(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<DemoCredentialSeeder> logger) : IHostedService
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
            LogSeeded(logger, Name, url);
        }
        catch (VaultKeyException ex)
        {
            LogNotStored(logger, Name, ex.Message);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo mode: credential {Name} points at the gateway simulator {Url}")]
    private static partial void LogSeeded(ILogger logger, string name, string url);

    [LoggerMessage(Level = LogLevel.Error, Message = "Demo mode: could not store credential {Name}: {Message}")]
    private static partial void LogNotStored(ILogger logger, string name, string message);
}
