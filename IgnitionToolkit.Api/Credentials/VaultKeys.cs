using IgnitionToolkit.Core.Configuration;

namespace IgnitionToolkit.Api.Credentials;

/// <summary>Loads the <see cref="VaultKeyRing"/> once, on first use (creating the key file then), and reports an unusable
/// key as a <see cref="VaultKeyException"/> every time it is needed, so the API still starts and says what is wrong.</summary>
public sealed class VaultKeys(IConfiguration configuration, ToolkitPaths paths)
{
    private readonly Lazy<(VaultKeyRing? Ring, string? Error)> _ring = new(() =>
    {
        try
        {
            return (VaultKeyRing.Load(configuration, paths), null);
        }
        catch (Exception ex) when (ex is VaultKeyException or IOException or UnauthorizedAccessException)
        {
            return (null, $"the credential vault key is unusable: {ex.Message}");
        }
    });

    /// <exception cref="VaultKeyException">The key is malformed, unreadable or missing.</exception>
    public VaultKeyRing Ring => _ring.Value.Ring ?? throw new VaultKeyException(_ring.Value.Error!);
}

/// <summary>Loads the vault key when the API starts so a bad key is reported in the log at once, not at first use.</summary>
public sealed class VaultKeyCheck(VaultKeys keys, ILogger<VaultKeyCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            var ring = keys.Ring;
            logger.LogInformation("Credential vault key {KeyId} from {Source}", ring.CurrentKeyId, ring.Source);
        }
        catch (VaultKeyException ex)
        {
            logger.LogError("{Message}. Credentials cannot be read or stored until this is fixed.", ex.Message);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
