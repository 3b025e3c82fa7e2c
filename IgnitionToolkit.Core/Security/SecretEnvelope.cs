using System.Security.Cryptography;
using System.Text;

namespace IgnitionToolkit.Core.Security;

/// <summary>
/// Authenticated encryption of small secrets: AES-256-GCM with a random 96-bit nonce, written as
/// <c>v1:&lt;keyId&gt;:&lt;base64(nonce | ciphertext | tag)&gt;</c>. The associated data (e.g. a credential id or an
/// execution id) is authenticated but not stored, so an envelope copied to another record does not open.
/// </summary>
public static class SecretEnvelope
{
    public const string Version = "v1";
    public const int KeySize = 32;
    private const int NonceSize = 12;
    private const int TagSize = 16;

    public static string Seal(ReadOnlySpan<byte> key, string keyId, ReadOnlySpan<byte> plaintext, string associatedData)
    {
        CheckKey(key);
        if (string.IsNullOrEmpty(keyId) || keyId.Contains(':'))
            throw new SecretEnvelopeException("the key id must be non-empty and must not contain ':'");
        var buffer = new byte[NonceSize + plaintext.Length + TagSize];
        var nonce = buffer.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plaintext, buffer.AsSpan(NonceSize, plaintext.Length), buffer.AsSpan(NonceSize + plaintext.Length),
            Encoding.UTF8.GetBytes(associatedData));
        return $"{Version}:{keyId}:{Convert.ToBase64String(buffer)}";
    }

    public static string SealText(ReadOnlySpan<byte> key, string keyId, string plaintext, string associatedData) =>
        Seal(key, keyId, Encoding.UTF8.GetBytes(plaintext), associatedData);

    /// <summary>The key id an envelope was sealed with (to pick the key, or to find envelopes of an old key).</summary>
    public static string KeyIdOf(string envelope)
    {
        var parts = envelope.Split(':', 3);
        if (parts.Length != 3 || parts[0] != Version || parts[1].Length == 0)
            throw new SecretEnvelopeException($"not a {Version} secret envelope (expected '{Version}:<keyId>:<base64>')");
        return parts[1];
    }

    /// <summary>Opens an envelope with the key <paramref name="keys"/> returns for its key id.</summary>
    /// <exception cref="SecretEnvelopeException">Unknown key id, malformed envelope, wrong key or tampered data.</exception>
    public static byte[] Open(string envelope, Func<string, byte[]?> keys, string associatedData)
    {
        var keyId = KeyIdOf(envelope);
        var key = keys(keyId) ?? throw new SecretEnvelopeException($"the key '{keyId}' this secret was encrypted with is not available");
        CheckKey(key);
        byte[] data;
        try
        {
            data = Convert.FromBase64String(envelope[(Version.Length + keyId.Length + 2)..]);
        }
        catch (FormatException)
        {
            throw new SecretEnvelopeException("the secret envelope is not valid base64");
        }
        if (data.Length < NonceSize + TagSize) throw new SecretEnvelopeException("the secret envelope is truncated");
        var plaintext = new byte[data.Length - NonceSize - TagSize];
        try
        {
            using var aes = new AesGcm(key, TagSize);
            aes.Decrypt(data.AsSpan(0, NonceSize), data.AsSpan(NonceSize, plaintext.Length), data.AsSpan(data.Length - TagSize),
                plaintext, Encoding.UTF8.GetBytes(associatedData));
        }
        catch (AuthenticationTagMismatchException)
        {
            throw new SecretEnvelopeException($"the secret could not be decrypted with key '{keyId}': wrong key, or the data was altered");
        }
        return plaintext;
    }

    public static string OpenText(string envelope, Func<string, byte[]?> keys, string associatedData) =>
        Encoding.UTF8.GetString(Open(envelope, keys, associatedData));

    /// <summary>A key given as base64 (32 bytes); null with <paramref name="error"/> when it is not one.</summary>
    public static byte[]? ParseKey(string? base64, string setting, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(base64))
        {
            error = $"{setting} is not set";
            return null;
        }
        try
        {
            var key = Convert.FromBase64String(base64.Trim());
            if (key.Length == KeySize) return key;
            error = $"{setting} must be {KeySize} bytes in base64 (got {key.Length} bytes); create one with: openssl rand -base64 32";
        }
        catch (FormatException)
        {
            error = $"{setting} is not valid base64; create a key with: openssl rand -base64 32";
        }
        return null;
    }

    public static byte[] NewKey() => RandomNumberGenerator.GetBytes(KeySize);

    private static void CheckKey(ReadOnlySpan<byte> key)
    {
        if (key.Length != KeySize) throw new SecretEnvelopeException($"an encryption key must be {KeySize} bytes, got {key.Length}");
    }
}

/// <summary>A secret envelope could not be made or opened; the message says why (never the secret).</summary>
public sealed class SecretEnvelopeException(string message) : Exception(message);
