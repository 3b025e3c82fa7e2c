using System.Text.Json;

namespace IgnitionToolkit.Web.Api.Models;

/// <summary>An API token as the API lists it (never the secret: <see cref="Hint"/> is its first characters).</summary>
public sealed record ApiTokenInfo(
    Guid Id, string Name, string Role, string Hint, string Status, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset ExpiresAt,
    DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt, string? RevokedBy);

/// <summary>The created token and its secret, shown once.</summary>
public sealed record CreatedApiToken(ApiTokenInfo Token, string Secret);

/// <summary>A trigger as the API lists it (no secret).</summary>
public sealed record TriggerInfo(
    Guid Id, string Name, string Playbook, JsonElement Parameters, string? CredentialName, bool Enabled, string Hint, string Url,
    DateTimeOffset CreatedAt, string? CreatedBy, DateTimeOffset UpdatedAt, string? UpdatedBy, DateTimeOffset? LastFiredAt, Guid? LastExecutionId);

/// <summary>A trigger with its secret (after creation or a new secret), shown once.</summary>
public sealed record TriggerWithSecret(TriggerInfo Trigger, string Secret);

/// <summary>The trigger form; <see cref="Parameters"/> is JSON text.</summary>
public sealed class TriggerInput
{
    public string Name { get; set; } = "";
    public string Playbook { get; set; } = "";
    public string Parameters { get; set; } = "{}";
    public string? CredentialName { get; set; }
    public bool Enabled { get; set; } = true;
}
