using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace IgnitionToolkit.Api.Tokens;

/// <summary>The toolkit's own bearer secrets: a prefix and 32 random bytes in base64url (256 bits). <c>itk_</c> marks an
/// API token, <c>itg_</c> a trigger secret; the prefix lets the authentication pick the scheme without trying a JWT
/// parse, and lets secret scanners recognise a leaked one.</summary>
public static class ToolkitSecrets
{
    public const string ApiTokenPrefix = "itk_";
    public const string TriggerPrefix = "itg_";
    public const int HintLength = 8;

    public static string NewApiToken() => ApiTokenPrefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string NewTriggerSecret() => TriggerPrefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>Whether a bearer value is one of the toolkit's own secrets (not a JWT).</summary>
    public static bool IsToolkitSecret(string? value) =>
        value is not null && (value.StartsWith(ApiTokenPrefix, StringComparison.Ordinal) || value.StartsWith(TriggerPrefix, StringComparison.Ordinal));

    /// <summary>SHA-256 of the secret as lower-case hex. A plain hash is enough: the secret has 256 random bits, so there
    /// is nothing to brute-force, and one hash per request keeps checking a token cheap (a password hash would not).</summary>
    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static string Hint(string secret) => secret[..Math.Min(HintLength, secret.Length)];
}
