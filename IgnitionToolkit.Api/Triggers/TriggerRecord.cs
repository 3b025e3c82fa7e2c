namespace IgnitionToolkit.Api.Triggers;

/// <summary>A trigger: an address (<c>POST /api/v1/triggers/{id}</c>) that starts one playbook with fixed parameters
/// merged under the request body's, authorised by the trigger's own secret or an HMAC signature made with it.</summary>
public sealed class TriggerRecord
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    /// <summary>Library-relative path of the playbook.</summary>
    public required string PlaybookPath { get; set; }
    /// <summary>Fixed start parameters as a JSON object (no secret values; the body's parameters override them).</summary>
    public required string ParametersJson { get; set; }
    /// <summary>A vault credential's name, as <c>credential_name</c> of a start request.</summary>
    public string? CredentialName { get; set; }
    public bool Enabled { get; set; }
    /// <summary>The secret, sealed with the vault key (AES-256-GCM, associated data: the trigger's id): the HMAC check needs it back.</summary>
    public required string SecretEnvelope { get; set; }
    public required string KeyId { get; set; }
    /// <summary>The secret's first characters (e.g. <c>itg_Ab12</c>).</summary>
    public required string Hint { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
    public DateTimeOffset? LastFiredAt { get; set; }
    public Guid? LastExecutionId { get; set; }
}
