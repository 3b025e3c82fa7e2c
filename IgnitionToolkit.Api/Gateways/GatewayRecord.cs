namespace IgnitionToolkit.Api.Gateways;

/// <summary>One gateway of the inventory: where it is, how it is labelled, and which vault credential signs in to it.</summary>
public sealed class GatewayRecord
{
    public Guid Id { get; set; }
    /// <summary>Unique name (letters, digits, '_', '-', '.'), used in selections and imports.</summary>
    public required string Name { get; set; }
    /// <summary>Absolute http(s) URL of the gateway; fills the playbook's <c>gateway_url</c> parameter.</summary>
    public required string Url { get; set; }
    public string? Description { get; set; }
    /// <summary>Labels as a JSON object of lower-case keys to text values (site, line, environment...).</summary>
    public required string TagsJson { get; set; }
    /// <summary>Name of a <c>gateway_login</c> credential in the vault (never a secret value).</summary>
    public string? CredentialName { get; set; }
    /// <summary>How many fleet executions may run on this gateway at once (null: no limit of its own).</summary>
    public int? ConcurrencyLimit { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
