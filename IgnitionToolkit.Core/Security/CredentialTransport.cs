using System.Text.Json;
using System.Text.Json.Serialization;
using IgnitionToolkit.Contracts.Bus;

namespace IgnitionToolkit.Core.Security;

/// <summary>What the API sends a Runner, encrypted, inside <c>StartExecution.EncryptedCredentials</c>: the credentials
/// the playbook needs (name → field → value) and the start parameters filled from a credential (name → value).</summary>
public sealed record CredentialBundle(
    [property: JsonPropertyName("credentials")] IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Credentials,
    [property: JsonPropertyName("parameters")] IReadOnlyDictionary<string, string> Parameters)
{
    public bool IsEmpty => Credentials.Count == 0 && Parameters.Count == 0;
}

/// <summary>
/// Seals and opens <see cref="CredentialBundle"/>s with the transport key shared by the API and the Runners
/// (<c>Toolkit:Bus:CredentialKey</c>, base64 of 32 bytes). The execution id is the associated data, so a bundle only
/// opens for the execution it was made for. Secrets never travel in clear text on the bus.
/// </summary>
public sealed class CredentialTransport
{
    public const string ConfigurationKey = "Toolkit:Bus:CredentialKey";
    public const string KeyId = "bus";
    private readonly byte[]? _key;

    public CredentialTransport(string? base64Key)
    {
        if (string.IsNullOrWhiteSpace(base64Key))
        {
            Problem = $"{ConfigurationKey} (env Toolkit__Bus__CredentialKey) is not configured: credentials cannot be sent between the API and the Runners";
            return;
        }
        _key = SecretEnvelope.ParseKey(base64Key, ConfigurationKey, out var error);
        Problem = error;
    }

    public static CredentialTransport From(Func<string, string?> settings) => new(settings(ConfigurationKey));

    /// <summary>Null when the key is usable; otherwise why it is not.</summary>
    public string? Problem { get; }

    public bool IsConfigured => _key is not null;

    public string Seal(CredentialBundle bundle, Guid executionId)
    {
        if (_key is null) throw new SecretEnvelopeException(Problem!);
        return SecretEnvelope.Seal(_key, KeyId, JsonSerializer.SerializeToUtf8Bytes(bundle), executionId.ToString("D"));
    }

    /// <exception cref="SecretEnvelopeException">No key, wrong key, or an envelope made for another execution.</exception>
    public CredentialBundle Open(string envelope, Guid executionId)
    {
        if (_key is null) throw new SecretEnvelopeException(Problem!);
        var json = SecretEnvelope.Open(envelope, id => id == KeyId ? _key : null, executionId.ToString("D"));
        return JsonSerializer.Deserialize<CredentialBundle>(json)
            ?? throw new SecretEnvelopeException("the credential bundle is empty");
    }
}
