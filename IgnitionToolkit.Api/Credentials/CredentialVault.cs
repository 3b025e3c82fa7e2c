using IgnitionToolkit.Hosting.Security;
using System.Text.Json;
using IgnitionToolkit.Api.Persistence;
using IgnitionToolkit.Api.Persistence.Entities;
using IgnitionToolkit.Core.Plugins;
using IgnitionToolkit.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace IgnitionToolkit.Api.Credentials;

/// <summary>Stores credentials encrypted (AES-256-GCM envelope, associated data = the credential's id) and opens them
/// only to hand them, sealed again, to a Runner.</summary>
public sealed class CredentialVault(ToolkitDbContext db, VaultKeys keys, TimeProvider clock, CredentialBinders binders)
{
    public Task<List<CredentialRecord>> ListAsync(CancellationToken ct) =>
        db.Credentials.AsNoTracking().OrderBy(c => c.Name).ToListAsync(ct);

    public Task<CredentialRecord?> FindAsync(string name, CancellationToken ct) =>
        db.Credentials.FirstOrDefaultAsync(c => c.Name == name, ct);

    public async Task<CredentialRecord> AddAsync(string name, CredentialKind kind, string? description,
        IReadOnlyDictionary<string, string> fields, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var record = new CredentialRecord
        {
            Id = Guid.NewGuid(),
            Name = name,
            Kind = kind.Name,
            Description = description,
            FieldNames = "",
            SecretEnvelope = "",
            KeyId = "",
            CreatedAt = now,
            UpdatedAt = now,
        };
        Seal(record, fields);
        db.Credentials.Add(record);
        await db.SaveChangesAsync(ct);
        return record;
    }

    public async Task UpdateAsync(CredentialRecord record, IReadOnlyDictionary<string, string> fields, CancellationToken ct)
    {
        Seal(record, fields);
        record.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
    }

    public async Task DeleteAsync(CredentialRecord record, CancellationToken ct)
    {
        db.Credentials.Remove(record);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The decrypted fields of <paramref name="record"/>.</summary>
    /// <exception cref="VaultKeyException">The key it was sealed with is not available, or the data does not open.</exception>
    public IReadOnlyDictionary<string, string> Open(CredentialRecord record) => Open(record, keys.Ring);

    /// <summary>The fields of <paramref name="record"/> that are not secret (the <see cref="ICredentialBinder.PlainFields"/>
    /// of its kind's binder, e.g. a gateway login's URL and user name); none when the vault cannot open it.</summary>
    public IReadOnlyDictionary<string, string> PlainFields(CredentialRecord record)
    {
        try
        {
            var plain = binders.Find(record.Kind)?.PlainFields ?? new HashSet<string>();
            return Open(record).Where(f => plain.Contains(f.Key)).ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        }
        catch (VaultKeyException)
        {
            return new Dictionary<string, string>();
        }
    }

    public static IReadOnlyDictionary<string, string> Open(CredentialRecord record, VaultKeyRing ring)
    {
        try
        {
            var json = SecretEnvelope.OpenText(record.SecretEnvelope, ring.Find, record.Id.ToString("D"));
            return JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];
        }
        catch (SecretEnvelopeException ex)
        {
            throw new VaultKeyException($"credential '{record.Name}' cannot be decrypted: {ex.Message} (vault key: {ring.Source})");
        }
    }

    public static void Seal(CredentialRecord record, IReadOnlyDictionary<string, string> fields, VaultKeyRing ring)
    {
        record.SecretEnvelope = SecretEnvelope.SealText(ring.CurrentKey, ring.CurrentKeyId, JsonSerializer.Serialize(fields), record.Id.ToString("D"));
        record.KeyId = ring.CurrentKeyId;
        record.FieldNames = string.Join(',', fields.Keys.Order(StringComparer.Ordinal));
    }

    private void Seal(CredentialRecord record, IReadOnlyDictionary<string, string> fields) => Seal(record, fields, keys.Ring);
}
