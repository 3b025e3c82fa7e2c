using System.Security.Cryptography;
using System.Text;
using IgnitionToolkit.Api.Credentials;
using IgnitionToolkit.Core.Security;
using IgnitionToolkit.Hosting.Security;

namespace IgnitionToolkit.Api.Triggers;

/// <summary>
/// A trigger's secret, kept sealed with the credential vault's key (<see cref="VaultKeys"/>, associated data = the
/// trigger's id), as webhooks keep theirs: an HMAC signature can only be checked with the secret itself, so a hash
/// would not do. Re-sealed by <c>rotate-vault-key</c>. A request is authorised by either
/// <c>Authorization: Bearer &lt;secret&gt;</c> or GitHub's <c>X-Hub-Signature-256: sha256=&lt;hex HMAC-SHA256(secret, raw body)&gt;</c>,
/// both compared in constant time.
/// </summary>
public static class TriggerSecret
{
    public const string SignatureHeader = "X-Hub-Signature-256";
    public const string SignaturePrefix = "sha256=";

    public static void SealInto(TriggerRecord record, string secret, VaultKeyRing ring)
    {
        record.SecretEnvelope = SecretEnvelope.SealText(ring.CurrentKey, ring.CurrentKeyId, secret, record.Id.ToString("D"));
        record.KeyId = ring.CurrentKeyId;
        record.Hint = Tokens.ToolkitSecrets.Hint(secret);
    }

    public static string Open(TriggerRecord record, VaultKeyRing ring)
    {
        try
        {
            return SecretEnvelope.OpenText(record.SecretEnvelope, ring.Find, record.Id.ToString("D"));
        }
        catch (SecretEnvelopeException ex)
        {
            throw new VaultKeyException($"trigger '{record.Name}' cannot be decrypted: {ex.Message} (vault key: {ring.Source})");
        }
    }

    /// <summary>The signature header value of <paramref name="body"/> (what a sender computes).</summary>
    public static string Sign(string secret, ReadOnlySpan<byte> body) =>
        SignaturePrefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    /// <summary>Whether the request carries the secret as a bearer value, or a valid signature of its body.
    /// A signature header, when present, is the one checked.</summary>
    public static bool Authorised(string secret, ReadOnlySpan<byte> body, string? bearer, string? signature)
    {
        if (signature is not null)
            return SameText(Sign(secret, body), signature.Trim().ToLowerInvariant());
        return bearer is not null && SameText(secret, bearer);
    }

    private static bool SameText(string expected, string given) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(given));
}
