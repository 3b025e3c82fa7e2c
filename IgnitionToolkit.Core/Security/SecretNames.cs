namespace IgnitionToolkit.Core.Security;

/// <summary>Which parameter names hold secrets (<c>password</c>, <c>api_token</c>, ...). One definition for the engine,
/// which masks their values in events, and the API, which stores them masked.</summary>
public static class SecretNames
{
    private static readonly string[] Words =
        ["password", "passwd", "passphrase", "secret", "token", "apikey", "api_key", "private_key", "credential_value"];

    public static bool IsSecretName(string name) =>
        Words.Any(word => name.Contains(word, StringComparison.OrdinalIgnoreCase));
}
