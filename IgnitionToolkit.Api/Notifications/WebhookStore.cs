using IgnitionToolkit.Hosting.Security;
using IgnitionToolkit.Api.Credentials;
using IgnitionToolkit.Api.Persistence;
using IgnitionToolkit.Api.Persistence.Entities;
using IgnitionToolkit.Api.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace IgnitionToolkit.Api.Notifications;

/// <summary>Webhook records: checks requests, seals the URL and secret with the vault, maps to DTOs without them.</summary>
public sealed class WebhookStore(ToolkitDbContext db, VaultKeys keys, TimeProvider clock)
{
    public Task<WebhookRecord?> FindAsync(Guid id, CancellationToken ct) => db.Webhooks.FirstOrDefaultAsync(w => w.Id == id, ct);

    public async Task<List<WebhookDto>> ListAsync(CancellationToken ct)
    {
        var webhooks = await db.Webhooks.AsNoTracking().OrderBy(w => w.Name).ToListAsync(ct);
        var result = new List<WebhookDto>();
        foreach (var w in webhooks) result.Add(await ToDtoAsync(w, ct));
        return result;
    }

    public async Task<WebhookDto> ToDtoAsync(WebhookRecord w, CancellationToken ct)
    {
        var last = await db.WebhookDeliveries.AsNoTracking().Where(d => d.WebhookId == w.Id)
            .OrderByDescending(d => d.CreatedAt).FirstOrDefaultAsync(ct);
        return new WebhookDto(w.Id, w.Name, w.UrlDisplay, w.Preset, WebhookFilter.Kinds(w), w.PlaybookPattern, w.Domain, w.Group, w.Tag,
            w.Enabled, w.HasSecret, w.CreatedAt, w.UpdatedAt, last is null ? null : ToDto(last, [], includeBody: false));
    }

    public static WebhookDeliveryDto ToDto(WebhookDeliveryRecord d, IReadOnlyList<WebhookAttemptRecord> attempts, bool includeBody) => new(
        d.Id, d.WebhookId, d.Kind, d.ExecutionId, d.Status, d.Attempts, d.LastStatusCode, d.LastError, d.CreatedAt, d.FinishedAt,
        attempts.OrderBy(a => a.Number).Select(a => new WebhookAttemptDto(a.Number, a.AttemptedAt, a.StatusCode, a.Error, a.DurationMs)).ToList(),
        includeBody ? d.Body : null);

    /// <summary>Creates (<paramref name="record"/> null) or changes a webhook; a problem names the field at fault.</summary>
    public async Task<(WebhookRecord? Record, ProblemHttpResult? Problem)> SaveAsync(WebhookRecord? record, WebhookRequest request, CancellationToken ct)
    {
        var creating = record is null;
        if (creating && string.IsNullOrWhiteSpace(request.Name)) return (null, ApiProblems.BadRequest("name is required", "name"));
        if (request.Name is { } name && (name.Trim().Length is 0 or > 128)) return (null, ApiProblems.BadRequest("name must be 1-128 characters", "name"));
        if (creating && string.IsNullOrWhiteSpace(request.Url)) return (null, ApiProblems.BadRequest("url is required: the receiver's http(s) address", "url"));
        if (request.Url is { Length: > 0 } url && !ValidUrl(url)) return (null, ApiProblems.BadRequest("url must be an absolute http or https URL", "url"));
        if (request.Secret is { Length: > 256 }) return (null, ApiProblems.BadRequest("secret must be at most 256 characters", "secret"));
        if (request.Preset is { } preset && !PayloadPresets.All.Contains(preset))
            return (null, ApiProblems.BadRequest($"preset must be one of: {string.Join(", ", PayloadPresets.All)}", "preset"));
        var unknown = (request.Kinds ?? []).Where(k => !NotificationKinds.All.Contains(k)).ToList();
        if (unknown.Count > 0)
            return (null, ApiProblems.BadRequest($"unknown kind '{string.Join(", ", unknown)}'; valid: {string.Join(", ", NotificationKinds.All)}", "kinds"));
        foreach (var (field, value) in new[] { ("playbook_pattern", request.PlaybookPattern), ("domain", request.Domain), ("group", request.Group), ("tag", request.Tag) })
            if (value is { Length: > 512 } || (field != "playbook_pattern" && value is { Length: > 128 }))
                return (null, ApiProblems.BadRequest($"{field} is too long", field));
        if (request.Name is { } newName && await db.Webhooks.AnyAsync(w => w.Name == newName.Trim() && w.Id != (record == null ? Guid.Empty : record.Id), ct))
            return (null, ApiProblems.Conflict($"a webhook named '{newName.Trim()}' already exists"));

        VaultKeyRing ring;
        WebhookTarget target;
        try
        {
            ring = keys.Ring;
            target = record is null ? new WebhookTarget("", null) : WebhookTarget.Open(record, ring);
        }
        catch (VaultKeyException ex)
        {
            return (null, CredentialEndpoints.VaultProblem(ex));
        }
        var now = clock.GetUtcNow();
        record ??= new WebhookRecord
        {
            Id = Guid.NewGuid(), Name = "", UrlDisplay = "", Preset = PayloadPresets.Generic, Kinds = "", SecretEnvelope = "", KeyId = "",
            Enabled = true, CreatedAt = now,
        };
        if (request.Name is not null) record.Name = request.Name.Trim();
        if (request.Preset is not null) record.Preset = request.Preset;
        if (request.Kinds is not null) record.Kinds = string.Join(',', request.Kinds.Distinct());
        if (request.PlaybookPattern is not null) record.PlaybookPattern = Blank(request.PlaybookPattern);
        if (request.Domain is not null) record.Domain = Blank(request.Domain);
        if (request.Group is not null) record.Group = Blank(request.Group);
        if (request.Tag is not null) record.Tag = Blank(request.Tag);
        if (request.Enabled is { } enabled) record.Enabled = enabled;
        target = target with
        {
            Url = request.Url is { Length: > 0 } newUrl ? newUrl.Trim() : target.Url,
            Secret = request.Secret is null ? target.Secret : Blank(request.Secret),
        };
        target.SealInto(record, ring);
        record.UpdatedAt = now;
        if (creating) db.Webhooks.Add(record);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return (null, ApiProblems.Conflict($"a webhook named '{record.Name}' already exists"));
        }
        return (record, null);
    }

    public async Task DeleteAsync(WebhookRecord record, CancellationToken ct)
    {
        db.Webhooks.Remove(record);
        await db.SaveChangesAsync(ct);
    }

    public async Task<(List<WebhookDeliveryDto> Items, int Total)> DeliveriesAsync(Guid webhookId, int page, int size, CancellationToken ct)
    {
        var query = db.WebhookDeliveries.AsNoTracking().Where(d => d.WebhookId == webhookId);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(d => d.CreatedAt).ThenBy(d => d.Id).Skip((page - 1) * size).Take(size).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var attempts = (await db.WebhookAttempts.AsNoTracking().Where(a => ids.Contains(a.DeliveryId)).ToListAsync(ct)).ToLookup(a => a.DeliveryId);
        return (rows.Select(r => ToDto(r, attempts[r.Id].ToList(), includeBody: true)).ToList(), total);
    }

    public async Task<WebhookDeliveryDto?> DeliveryAsync(Guid deliveryId, CancellationToken ct)
    {
        var row = await db.WebhookDeliveries.AsNoTracking().FirstOrDefaultAsync(d => d.Id == deliveryId, ct);
        if (row is null) return null;
        var attempts = await db.WebhookAttempts.AsNoTracking().Where(a => a.DeliveryId == deliveryId).ToListAsync(ct);
        return ToDto(row, attempts, includeBody: true);
    }

    /// <summary>Re-seals every webhook's target with <paramref name="target"/> (vault key rotation).</summary>
    public static async Task<int> ResealAllAsync(ToolkitDbContext db, VaultKeyRing opener, VaultKeyRing target, CancellationToken ct)
    {
        var records = await db.Webhooks.ToListAsync(ct);
        foreach (var record in records) WebhookTarget.Open(record, opener).SealInto(record, target);
        await db.SaveChangesAsync(ct);
        return records.Count;
    }

    private static bool ValidUrl(string url) =>
        Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && url.Length <= 2048;

    private static string? Blank(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
