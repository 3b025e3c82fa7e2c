namespace IgnitionToolkit.Api.Persistence.Entities;

/// <summary>A vault credential. Its fields (username, password, token...) are one JSON object sealed in
/// <see cref="SecretEnvelope"/> (AES-256-GCM, associated data = <see cref="Id"/>); only field names are in clear.</summary>
public sealed class CredentialRecord
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    /// <summary><c>gateway_login</c>, <c>api_token</c> or <c>generic_secret</c>.</summary>
    public required string Kind { get; set; }
    public string? Description { get; set; }
    /// <summary>Comma-separated names of the fields that have a value (never the values).</summary>
    public required string FieldNames { get; set; }
    /// <summary><c>v1:&lt;keyId&gt;:&lt;base64 nonce|ciphertext|tag&gt;</c>.</summary>
    public required string SecretEnvelope { get; set; }
    /// <summary>Id of the vault key that sealed <see cref="SecretEnvelope"/> (for rotation).</summary>
    public required string KeyId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
