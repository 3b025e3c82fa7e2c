using IgnitionToolkit.Core.Security;

namespace IgnitionToolkit.ServiceDefaults.Configuration;

/// <summary>Checks a 32-byte key given in base64 (vault key, credential transport key) for Production: well formed
/// (<see cref="SecretEnvelope.ParseKey"/>, the parser the services use) and not a placeholder such as all zeros.
/// The messages never contain the value.</summary>
public static class KeySetting
{
    public static SettingRules CheckKey(this SettingRules rules, string key, string value)
    {
        var variable = SettingRules.EnvironmentVariable(key);
        if (SecretEnvelope.ParseKey(value, variable, out var error) is not { } bytes)
            return rules.Check(false, key, error![variable.Length..].TrimStart());
        return rules.Check(bytes.Distinct().Count() > 4, key,
            "looks like a placeholder (almost every byte the same), not a random key; create one with: openssl rand -base64 32");
    }
}
