using System.Security.Cryptography;
using System.Text;

namespace IgnitionToolkit.Api.Notifications;

/// <summary>The body signature, as GitHub signs its webhooks: <c>X-Toolkit-Signature: sha256=&lt;hex of HMAC-SHA256(secret, raw body)&gt;</c>.</summary>
public static class WebhookSignature
{
    public const string Header = "X-Toolkit-Signature";
    public const string Prefix = "sha256=";

    public static string Compute(string secret, ReadOnlySpan<byte> body) =>
        Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    /// <summary>Whether <paramref name="header"/> is the signature of <paramref name="body"/> (compared in constant time).</summary>
    public static bool Verify(string secret, ReadOnlySpan<byte> body, string? header) =>
        header is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Compute(secret, body)), Encoding.ASCII.GetBytes(header));
}
