namespace IgnitionToolkit.Api.Persistence.Entities;

/// <summary>A local user. <see cref="PasswordHash"/> is ASP.NET Core Identity's PBKDF2 hash, never the password.</summary>
public sealed class UserRecord
{
    public Guid Id { get; set; }
    /// <summary>Lower-case user name (unique).</summary>
    public required string UserName { get; set; }
    public required string PasswordHash { get; set; }
    /// <summary><c>admin</c>, <c>operator</c> or <c>viewer</c>.</summary>
    public required string Role { get; set; }
    /// <summary>Random value put into the user's access tokens; replaced when the role or password changes, so older
    /// tokens stop working (see <c>docs/security.md</c>). Empty only for rows migrated before it existed.</summary>
    public string SecurityStamp { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? LastLoginAt { get; set; }
}
