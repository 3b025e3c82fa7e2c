using IgnitionToolkit.Hosting.Security;
using IgnitionToolkit.Api.Persistence;
using IgnitionToolkit.Core.Configuration;
using IgnitionToolkit.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace IgnitionToolkit.Api.Credentials;

/// <summary>
/// Replaces the vault key and re-encrypts every credential with it. Key file: the new key becomes <c>vault.key</c> at
/// once and the old one is kept in <c>vault.key.previous</c> until every credential is re-encrypted (an interrupted
/// rotation loses nothing: both keys still open their credentials, and running it again finishes the job).
/// Configured key: the new key must be given as <c>Toolkit:Vault:NewKey</c>; afterwards put it in <c>Toolkit:Vault:Key</c>.
/// </summary>
public sealed partial class VaultKeyRotation(IServiceScopeFactory scopes, IConfiguration configuration, ToolkitPaths paths, ILogger<VaultKeyRotation> logger)
{
    public async Task<VaultRotationResult> RotateAsync(CancellationToken ct)
    {
        var ring = VaultKeyRing.Load(configuration, paths);
        var oldKeyId = ring.CurrentKeyId;
        VaultKeyRing target, opener;
        if (ring.FromFile)
        {
            var file = VaultKeyRing.KeyFile(paths);
            var previous = VaultKeyRing.PreviousKeyFile(paths);
            var kept = ring.KeyIds.Select(id => VaultKeyRing.FormatLine(id, ring.Find(id)!)).ToList();
            VaultKeyRing.WriteLines(previous, kept);
            VaultKeyRing.WriteKeyFile(file, VaultKeyRing.NewKeyId(), SecretEnvelope.NewKey());
            target = opener = VaultKeyRing.Load(configuration, paths); // new key + vault.key.previous
        }
        else
        {
            var newKey = SecretEnvelope.ParseKey(configuration[VaultKeyRing.NewKeyConfigurationKey], VaultKeyRing.NewKeyConfigurationKey, out var error)
                ?? throw new VaultKeyException($"the vault key comes from {VaultKeyRing.KeyConfigurationKey}: give the new key as " +
                    $"{VaultKeyRing.NewKeyConfigurationKey} (openssl rand -base64 32) to rotate ({error})");
            var overlay = new ConfigurationBuilder().AddConfiguration(configuration)
                .AddInMemoryCollection([new(VaultKeyRing.KeyConfigurationKey, Convert.ToBase64String(newKey))]).Build();
            target = VaultKeyRing.Load(overlay, paths);
            opener = VaultKeyRing.Combine(target, ring);
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ToolkitDbContext>();
        var records = await db.Credentials.ToListAsync(ct);
        foreach (var record in records)
        {
            var fields = CredentialVault.Open(record, opener);
            CredentialVault.Seal(record, fields, target);
        }
        await db.SaveChangesAsync(ct);
        await Notifications.WebhookStore.ResealAllAsync(db, opener, target, ct); // webhook URLs and secrets use the same key
        await Triggers.TriggerStore.ResealAllAsync(db, opener, target, ct); // so do trigger secrets
        if (await db.Credentials.AnyAsync(c => c.KeyId != target.CurrentKeyId, ct))
            throw new VaultKeyException("some credentials still use the old key; run rotate-vault-key again");
        if (target.FromFile) File.Delete(VaultKeyRing.PreviousKeyFile(paths));
        LogRotated(logger, oldKeyId, target.CurrentKeyId, records.Count);
        return new VaultRotationResult(records.Count, oldKeyId, target.CurrentKeyId);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Vault key rotated from {OldKeyId} to {NewKeyId}: {Count} credential(s) re-encrypted")]
    private static partial void LogRotated(ILogger logger, string oldKeyId, string newKeyId, int count);
}
