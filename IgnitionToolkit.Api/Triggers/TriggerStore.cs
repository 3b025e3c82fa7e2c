using System.Text.Json;
using IgnitionToolkit.Api.Credentials;
using IgnitionToolkit.Api.Persistence;
using IgnitionToolkit.Api.Playbooks;
using IgnitionToolkit.Api.Problems;
using IgnitionToolkit.Api.Tokens;
using IgnitionToolkit.Core.Playbooks;
using IgnitionToolkit.Core.Security;
using IgnitionToolkit.Hosting.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace IgnitionToolkit.Api.Triggers;

/// <summary>Trigger records: checks requests field by field, seals the secret with the vault, maps to DTOs without it.</summary>
public sealed class TriggerStore(ToolkitDbContext db, VaultKeys keys, PlaybookLibrary library, PlaybookValidator validator, TimeProvider clock)
{
    public const int MaxName = 128;

    public Task<TriggerRecord?> FindAsync(Guid id, CancellationToken ct) => db.Triggers.FirstOrDefaultAsync(t => t.Id == id, ct);

    public async Task<List<TriggerDto>> ListAsync(CancellationToken ct) =>
        (await db.Triggers.AsNoTracking().OrderBy(t => t.Name).ToListAsync(ct)).Select(ToDto).ToList();

    /// <summary>Creates (<paramref name="record"/> null, with a new secret) or replaces a trigger; a problem names the field at fault.</summary>
    public async Task<(TriggerRecord? Record, string? Secret, ProblemHttpResult? Problem)> SaveAsync(
        TriggerRecord? record, TriggerRequest request, string actor, CancellationToken ct)
    {
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > MaxName || name.Any(char.IsControl))
            return Bad($"name is required: 1-{MaxName} characters, no control characters", "name");
        if (library.TryNormalize(request.Playbook, out var path) is { } pathError) return Bad(pathError, "playbook");
        var loaded = await validator.LoadFileAsync(path, ct);
        if (loaded is null) return Bad($"playbook '{path}' does not exist in the library", "playbook");
        if (!loaded.Value.Result.IsValid || loaded.Value.Result.Playbook is not { } playbook)
            return (null, null, ApiProblems.Invalid($"playbook '{path}' is invalid", DiagnosticDto.From(loaded.Value.Result.Diagnostics)));
        var parameters = request.Parameters is { ValueKind: not JsonValueKind.Null and not JsonValueKind.Undefined } p ? p : (JsonElement?)null;
        if (parameters is { ValueKind: not JsonValueKind.Object }) return Bad("parameters must be a JSON object", "parameters");
        foreach (var given in parameters?.EnumerateObject() ?? default)
        {
            var declared = playbook.Parameters.FirstOrDefault(x => x.Name == given.Name);
            if (declared is null)
                return Bad($"unknown parameter '{given.Name}'; the playbook declares: {string.Join(", ", playbook.Parameters.Select(x => x.Name))}", $"parameters.{given.Name}");
            if (SecretNames.IsSecretName(given.Name) && declared.Type != ParameterType.Credential)
                return Bad($"parameter '{given.Name}' holds a secret, and a trigger stores its parameters in the database: save it in the credential vault and name the credential",
                    $"parameters.{given.Name}");
        }
        var credential = string.IsNullOrWhiteSpace(request.CredentialName) ? null : request.CredentialName.Trim();
        if (credential is not null && !await db.Credentials.AnyAsync(c => c.Name == credential, ct))
            return Bad($"credential '{credential}' does not exist in the vault", "credential_name");
        if (await db.Triggers.AnyAsync(t => t.Name == name && t.Id != (record == null ? Guid.Empty : record.Id), ct))
            return (null, null, ApiProblems.Conflict($"a trigger named '{name}' already exists"));

        var now = clock.GetUtcNow();
        string? secret = null;
        if (record is null)
        {
            VaultKeyRing ring;
            try
            {
                ring = keys.Ring;
            }
            catch (VaultKeyException ex)
            {
                return (null, null, CredentialEndpoints.VaultProblem(ex));
            }
            record = new TriggerRecord
            {
                Id = Guid.NewGuid(), Name = name, PlaybookPath = path, ParametersJson = "{}", SecretEnvelope = "", KeyId = "", Hint = "",
                CreatedAt = now, CreatedBy = actor,
            };
            secret = ToolkitSecrets.NewTriggerSecret();
            TriggerSecret.SealInto(record, secret, ring);
            db.Triggers.Add(record);
        }
        record.Name = name;
        record.PlaybookPath = path;
        record.ParametersJson = parameters?.GetRawText() ?? "{}";
        record.CredentialName = credential;
        record.Enabled = request.Enabled ?? true;
        record.UpdatedAt = now;
        record.UpdatedBy = actor;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return (null, null, ApiProblems.Conflict($"a trigger named '{name}' already exists"));
        }
        return (record, secret, null);
    }

    /// <summary>Gives a trigger a new secret (the old one stops working at once).</summary>
    public async Task<(string? Secret, ProblemHttpResult? Problem)> NewSecretAsync(TriggerRecord record, string actor, CancellationToken ct)
    {
        try
        {
            var secret = ToolkitSecrets.NewTriggerSecret();
            TriggerSecret.SealInto(record, secret, keys.Ring);
            record.UpdatedAt = clock.GetUtcNow();
            record.UpdatedBy = actor;
            await db.SaveChangesAsync(ct);
            return (secret, null);
        }
        catch (VaultKeyException ex)
        {
            return (null, CredentialEndpoints.VaultProblem(ex));
        }
    }

    public async Task DeleteAsync(TriggerRecord record, CancellationToken ct)
    {
        db.Triggers.Remove(record);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Re-seals every trigger's secret with <paramref name="target"/> (vault key rotation).</summary>
    public static async Task<int> ResealAllAsync(ToolkitDbContext db, VaultKeyRing opener, VaultKeyRing target, CancellationToken ct)
    {
        var records = await db.Triggers.ToListAsync(ct);
        foreach (var record in records) TriggerSecret.SealInto(record, TriggerSecret.Open(record, opener), target);
        await db.SaveChangesAsync(ct);
        return records.Count;
    }

    public static TriggerDto ToDto(TriggerRecord t) => new(
        t.Id, t.Name, t.PlaybookPath, JsonDocument.Parse(t.ParametersJson).RootElement.Clone(), t.CredentialName, t.Enabled, t.Hint + "…",
        $"/api/v1/triggers/{t.Id}", t.CreatedAt, t.CreatedBy, t.UpdatedAt, t.UpdatedBy, t.LastFiredAt, t.LastExecutionId);

    private static (TriggerRecord?, string?, ProblemHttpResult?) Bad(string detail, string field) => (null, null, ApiProblems.BadRequest(detail, field));
}
