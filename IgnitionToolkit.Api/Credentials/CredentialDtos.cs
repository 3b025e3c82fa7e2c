namespace IgnitionToolkit.Api.Credentials;

/// <summary>Body of <c>POST /credentials</c> and <c>PUT /credentials/{name}</c>. On PUT, omitted fields keep their
/// value, a field given as "" or null is removed, and <see cref="Name"/> renames the credential.</summary>
/// <param name="Fields">gateway_login: username, password, gateway_url; api_token: token (<c>keyName:secret</c>); generic_secret: value.</param>
public sealed record CredentialRequest(string? Name, string? Kind, string? Description, Dictionary<string, string?>? Fields);

/// <summary>A credential as the API shows it: never a secret value, only which fields are set, and the values of the
/// fields that are not secret (<see cref="CredentialVault.PlainFields"/>: a gateway login's URL and user name), so that
/// a form can show what it edits. They are null when not set or when the vault cannot be opened.</summary>
public sealed record CredentialDto(
    Guid Id, string Name, string Kind, string? Description, IReadOnlyList<string> FieldsSet,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string? GatewayUrl = null, string? Username = null);

/// <summary>Result of <c>rotate-vault-key</c>.</summary>
public sealed record VaultRotationResult(int ReEncrypted, string OldKeyId, string NewKeyId);
