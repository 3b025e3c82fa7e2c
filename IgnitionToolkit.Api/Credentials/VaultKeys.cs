using IgnitionToolkit.Hosting.Security;
using IgnitionToolkit.Core.Configuration;

namespace IgnitionToolkit.Api.Credentials;

/// <summary>Loads the <see cref="VaultKeyRing"/> on first use (creating the key file then) and again whenever the key
/// file changes (after <c>rotate-vault-key</c>, so a running API never seals with a retired key). An unusable key is
/// reported as a <see cref="VaultKeyException"/> every time it is needed, so the API still starts and says what is wrong.</summary>
public sealed class VaultKeys(IConfiguration configuration, ToolkitPaths paths)
{
    private readonly Lock _gate = new();
    private VaultKeyRing? _ring;
    private string? _error;
    private (DateTime Key, DateTime Previous) _fileStamp;

    /// <exception cref="VaultKeyException">The key is malformed, unreadable or missing.</exception>
    public VaultKeyRing Ring
    {
        get
        {
            lock (_gate)
            {
                if ((_ring is null && _error is null) || (_ring is { FromFile: true } && Stamp() != _fileStamp)) Load();
                return _ring ?? throw new VaultKeyException(_error!);
            }
        }
    }

    private void Load()
    {
        try
        {
            _ring = VaultKeyRing.Load(configuration, paths);
            _error = null;
            _fileStamp = Stamp();
        }
        catch (Exception ex) when (ex is VaultKeyException or IOException or UnauthorizedAccessException)
        {
            (_ring, _error) = (null, $"the credential vault key is unusable: {ex.Message}");
        }
    }

    /// <summary>Write times of the key file and of <c>vault.key.previous</c> (missing files give a fixed old time).</summary>
    private (DateTime, DateTime) Stamp() =>
        (File.GetLastWriteTimeUtc(VaultKeyRing.KeyFile(paths)), File.GetLastWriteTimeUtc(VaultKeyRing.PreviousKeyFile(paths)));
}

/// <summary>Loads the vault key when the API starts so a bad key is reported in the log at once, not at first use.</summary>
public sealed partial class VaultKeyCheck(VaultKeys keys, ILogger<VaultKeyCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            var ring = keys.Ring;
            LogKey(logger, ring.CurrentKeyId, ring.Source);
        }
        catch (VaultKeyException ex)
        {
            LogUnusable(logger, ex.Message);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Credential vault key {KeyId} from {Source}")]
    private static partial void LogKey(ILogger logger, string keyId, string source);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Message}. Credentials cannot be read or stored until this is fixed.")]
    private static partial void LogUnusable(ILogger logger, string message);
}
