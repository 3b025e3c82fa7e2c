namespace IgnitionToolkit.Api.Tokens;

/// <summary>An API token (service account): a name, a role and an expiry. Only the SHA-256 of its secret is kept;
/// a revoked token stays listed (with who revoked it and when) until it is deleted with its row.</summary>
public sealed class ApiTokenRecord
{
    public Guid Id { get; set; }
    /// <summary>Unique; the audit trail names the token's actions <c>token:&lt;name&gt;</c>.</summary>
    public required string Name { get; set; }
    /// <summary><c>admin</c>, <c>operator</c> or <c>viewer</c> (<see cref="Auth.Roles"/>).</summary>
    public required string Role { get; set; }
    /// <summary>Lower-case hex SHA-256 of the whole secret (<c>itk_…</c>), unique.</summary>
    public required string SecretHash { get; set; }
    /// <summary>The secret's first characters (e.g. <c>itk_Ab12</c>), so a person can tell tokens apart; not enough to use one.</summary>
    public required string Hint { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    /// <summary>Updated at most once a minute (<see cref="ApiTokenStore.LastUsedResolution"/>).</summary>
    public DateTimeOffset? LastUsedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public string? RevokedBy { get; set; }
}
