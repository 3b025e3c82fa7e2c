namespace IgnitionToolkit.Web.Api.Models;

/// <summary>A saved credential as listed by the API (secrets are never returned).</summary>
public sealed record CredentialInfo(string Name, string? Kind, string? Description, string? GatewayUrl, string? Username);

/// <summary>What the credential form sends; an empty <see cref="Password"/> on edit keeps the stored secret.</summary>
public sealed class CredentialInput
{
    public string Name { get; set; } = "";
    public string Kind { get; set; } = "gateway";
    public string? Username { get; set; }
    public string? Password { get; set; }
    public string? GatewayUrl { get; set; }
    public string? Description { get; set; }
}
