namespace IgnitionToolkit.Web.Api.Models;

/// <summary>A saved credential as listed by the API: never a secret, only which fields are set and the values of the
/// plain ones (a gateway login's URL and user name).</summary>
public sealed record CredentialInfo(string Name, string? Kind, string? Description, IReadOnlyList<string>? FieldsSet, string? GatewayUrl, string? Username = null)
{
    public bool Has(string field) => FieldsSet?.Contains(field) == true;
}

/// <summary>A parameter a credential fills for a playbook (<c>GET /credentials/{name}/fills</c>).</summary>
public sealed record CredentialFill(string Name, bool Secret);

public sealed record CredentialFills(string Credential, string Playbook, IReadOnlyList<CredentialFill> Parameters);

/// <summary>The vault's kinds and their fields (as <c>/api/v1/credentials</c> defines them).</summary>
public static class CredentialKindFields
{
    public static readonly IReadOnlyDictionary<string, string[]> Fields = new Dictionary<string, string[]>
    {
        ["gateway_login"] = ["gateway_url", "username", "password"],
        ["api_token"] = ["token"],
        ["generic_secret"] = ["value"],
        ["ai_provider"] = ["api_key"],
    };

    /// <summary>Fields shown in clear; all others are write-only secrets.</summary>
    public static bool IsPlain(string field) => field is "username" or "gateway_url";
}

/// <summary>What the credential form sends. Empty fields are not sent: on edit they keep the stored value.</summary>
public sealed class CredentialInput
{
    public string Name { get; set; } = "";
    public string Kind { get; set; } = "gateway_login";
    public string? Description { get; set; }
    public Dictionary<string, string?> Fields { get; } = [];
}
