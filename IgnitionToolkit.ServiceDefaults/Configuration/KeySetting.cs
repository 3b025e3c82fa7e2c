namespace IgnitionToolkit.ServiceDefaults.Configuration;

/// <summary>Checks a 32-byte key given in base64 (vault key, credential transport key) for Production: well formed and
/// not a placeholder such as all zeros. The messages never contain the value.</summary>
public static class KeySetting
{
    public const int Size = 32;
    private const string HowToCreate = "create one with: openssl rand -base64 32";

    public static SettingRules CheckKey(this SettingRules rules, string key, string value)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(value.Trim());
        }
        catch (FormatException)
        {
            return rules.Check(false, key, $"is not valid base64; {HowToCreate}");
        }
        if (bytes.Length != Size) return rules.Check(false, key, $"must be {Size} bytes in base64 (got {bytes.Length} bytes); {HowToCreate}");
        return rules.Check(bytes.Distinct().Count() > 4, key, $"looks like a placeholder (almost every byte the same), not a random key; {HowToCreate}");
    }
}
