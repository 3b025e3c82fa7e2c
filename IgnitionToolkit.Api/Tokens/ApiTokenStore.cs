using System.Text.RegularExpressions;
using IgnitionToolkit.Api.Auth;
using IgnitionToolkit.Api.Persistence;
using IgnitionToolkit.Api.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace IgnitionToolkit.Api.Tokens;

/// <summary>A token that authenticated a request: what the principal is built from.</summary>
public sealed record ActiveApiToken(Guid Id, string Name, string Role);

/// <summary>
/// API tokens: created with a role and an expiry (the secret returned once, its SHA-256 kept), listed, revoked, and
/// checked on every request that carries one. The check reads the database every time (one indexed lookup, no cache),
/// so a revocation takes effect on the next request on every API instance.
/// </summary>
public sealed partial class ApiTokenStore(ToolkitDbContext db, TimeProvider clock, HubSessions hub, MassTransit.IBus bus)
{
    public const int MaxName = 48;
    public const int DefaultDays = 90;
    public const int MaxDays = 3650;
    public const string NameRule = "must be 1-48 letters, digits, '.', '_' or '-'";
    /// <summary>The last-used time is written when it is older than this: at most one write per token and minute.</summary>
    public static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    /// <summary>The actor name of a token in the audit trail and in <c>started_by</c>.</summary>
    public static string ActorName(string tokenName) => "token:" + tokenName;

    public async Task<List<ApiTokenDto>> ListAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return (await db.ApiTokens.AsNoTracking().OrderBy(t => t.Name).ToListAsync(ct)).Select(t => ToDto(t, now)).ToList();
    }

    public async Task<ApiTokenDto?> GetAsync(Guid id, CancellationToken ct) =>
        await db.ApiTokens.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct) is { } t ? ToDto(t, clock.GetUtcNow()) : null;

    public async Task<Results<Created<CreatedApiTokenDto>, ProblemHttpResult>> CreateAsync(CreateApiTokenRequest request, string createdBy, CancellationToken ct)
    {
        var name = request.Name?.Trim() ?? "";
        if (!NamePattern().IsMatch(name)) return ApiProblems.BadRequest($"name {NameRule}", "name");
        var role = request.Role?.Trim().ToLowerInvariant();
        if (!Roles.IsValid(role)) return ApiProblems.BadRequest($"role must be one of: {string.Join(", ", Roles.All)}", "role");
        var now = clock.GetUtcNow();
        if (request.ExpiresAt is not null && request.ExpiresInDays is not null)
            return ApiProblems.BadRequest("give either expires_at or expires_in_days, not both", "expires_at");
        if (request.ExpiresInDays is { } days && (days < 1 || days > MaxDays))
            return ApiProblems.BadRequest($"expires_in_days must be between 1 and {MaxDays}", "expires_in_days");
        var expires = request.ExpiresAt?.ToUniversalTime() ?? now.AddDays(request.ExpiresInDays ?? DefaultDays);
        if (expires <= now) return ApiProblems.BadRequest("expires_at must be in the future", "expires_at");
        if (expires > now.AddDays(MaxDays)) return ApiProblems.BadRequest($"expires_at must be within {MaxDays} days", "expires_at");
        if (await db.ApiTokens.AnyAsync(t => t.Name == name, ct)) return ApiProblems.Conflict($"an API token named '{name}' already exists");

        var secret = ToolkitSecrets.NewApiToken();
        var record = new ApiTokenRecord
        {
            Id = Guid.NewGuid(), Name = name, Role = role!, SecretHash = ToolkitSecrets.Hash(secret), Hint = ToolkitSecrets.Hint(secret),
            CreatedAt = now, CreatedBy = createdBy, ExpiresAt = expires,
        };
        db.ApiTokens.Add(record);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return ApiProblems.Conflict($"an API token named '{name}' already exists");
        }
        return TypedResults.Created($"/api/v1/tokens/{record.Id}", new CreatedApiTokenDto(ToDto(record, now), secret));
    }

    /// <summary>Revokes a token (the row stays, listed as revoked) and closes its live connections on every instance.
    /// Revoking a revoked token changes nothing.</summary>
    public async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(Guid id, string revokedBy, CancellationToken ct)
    {
        var record = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (record is null) return ApiProblems.NotFound($"API token {id} does not exist");
        if (record.RevokedAt is null)
        {
            record.RevokedAt = clock.GetUtcNow();
            record.RevokedBy = revokedBy;
            await db.SaveChangesAsync(ct);
            // requests check the database each time; open live connections are closed here and on the other instances
            hub.Close(id);
            await bus.Publish(new Cluster.ApiTokenRevoked(id), ct);
        }
        return TypedResults.NoContent();
    }

    /// <summary>The active token whose secret is <paramref name="secret"/>, or null (unknown, expired or revoked).
    /// Looked up by the secret's hash; notes the use at most once a minute.</summary>
    public async Task<ActiveApiToken?> AuthenticateAsync(string secret, CancellationToken ct)
    {
        var hash = ToolkitSecrets.Hash(secret);
        var now = clock.GetUtcNow();
        var token = await db.ApiTokens.AsNoTracking().Where(t => t.SecretHash == hash)
            .Select(t => new { t.Id, t.Name, t.Role, t.ExpiresAt, t.RevokedAt, t.LastUsedAt }).FirstOrDefaultAsync(ct);
        if (token is null || token.RevokedAt is not null || token.ExpiresAt <= now) return null;
        if (token.LastUsedAt is not { } last || now - last >= LastUsedResolution)
            await db.ApiTokens.Where(t => t.Id == token.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), ct);
        return new ActiveApiToken(token.Id, token.Name, token.Role);
    }

    /// <summary>Whether token <paramref name="id"/> is still usable (the live hub asks on every call).</summary>
    public async Task<bool> IsActiveAsync(Guid id, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return await db.ApiTokens.AsNoTracking().AnyAsync(t => t.Id == id && t.RevokedAt == null && t.ExpiresAt > now, ct);
    }

    public static ApiTokenDto ToDto(ApiTokenRecord t, DateTimeOffset now) => new(
        t.Id, t.Name, t.Role, t.Hint + "…", t.RevokedAt is not null ? "revoked" : t.ExpiresAt <= now ? "expired" : "active", t.CreatedAt, t.CreatedBy,
        t.ExpiresAt, t.LastUsedAt, t.RevokedAt, t.RevokedBy);

    [GeneratedRegex("^[A-Za-z0-9._-]{1,48}$")]
    private static partial Regex NamePattern();
}
