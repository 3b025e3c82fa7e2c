namespace IgnitionToolkit.Api.Tokens;

/// <summary>An API token as listed: never its secret (only <see cref="Hint"/>, its first characters).</summary>
/// <param name="Status"><c>active</c>, <c>expired</c> or <c>revoked</c>.</param>
public sealed record ApiTokenDto(
    Guid Id, string Name, string Role, string Hint, string Status, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset ExpiresAt,
    DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt, string? RevokedBy);

/// <summary>Create a token: a name (1-48 letters, digits, '.', '_', '-'), a role, and an expiry, either
/// <see cref="ExpiresAt"/> or <see cref="ExpiresInDays"/> (default 90 days, at most 3650).</summary>
public sealed record CreateApiTokenRequest(string? Name, string? Role, DateTimeOffset? ExpiresAt, int? ExpiresInDays);

/// <summary>The created token with its secret: the only response that ever carries it.</summary>
public sealed record CreatedApiTokenDto(ApiTokenDto Token, string Secret);
