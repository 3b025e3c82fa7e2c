using Microsoft.Extensions.Options;

namespace IgnitionToolkit.ServiceDefaults.Configuration;

/// <summary>Collects configuration errors, each naming the environment variable and the configuration key it comes from,
/// e.g. <c>Toolkit__Executions__HeartbeatTimeout must be a positive duration (configuration key Toolkit:Executions:HeartbeatTimeout)</c>.</summary>
public sealed class SettingRules
{
    private readonly List<string> _failures = [];

    public IReadOnlyList<string> Failures => _failures;

    /// <summary><c>Toolkit:Logging:Format</c> → <c>Toolkit__Logging__Format</c>.</summary>
    public static string EnvironmentVariable(string key) => key.Replace(":", "__", StringComparison.Ordinal);

    public static string Describe(string key, string requirement) =>
        $"{EnvironmentVariable(key)} {requirement} (configuration key {key})";

    public SettingRules Check(bool valid, string key, string requirement)
    {
        if (!valid) _failures.Add(Describe(key, requirement));
        return this;
    }

    public SettingRules Positive(TimeSpan value, string key) => Check(value > TimeSpan.Zero, key, "must be a positive duration");

    public SettingRules AtLeast(int value, int minimum, string key) => Check(value >= minimum, key, $"must be at least {minimum}");

    public SettingRules AtLeast(long value, long minimum, string key) => Check(value >= minimum, key, $"must be at least {minimum}");

    public SettingRules OneOf(string? value, string key, params string[] allowed) =>
        Check(value is null || allowed.Contains(value, StringComparer.OrdinalIgnoreCase), key, $"must be one of {string.Join(", ", allowed)} (was '{value}')");

    public SettingRules AbsoluteUri(string? value, string key, params string[] schemes) =>
        Check(string.IsNullOrWhiteSpace(value) || (Uri.TryCreate(value, UriKind.Absolute, out var uri) && (schemes.Length == 0 || schemes.Contains(uri.Scheme))),
            key, schemes.Length == 0 ? "must be an absolute URI" : $"must be an absolute {string.Join(" or ", schemes.Select(s => s + "://"))} URI");

    public ValidateOptionsResult Result() => _failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(_failures);
}

/// <summary>Validates an options class with <see cref="SettingRules"/>.</summary>
public sealed class SettingsValidator<TOptions>(Action<TOptions, SettingRules> rules) : IValidateOptions<TOptions> where TOptions : class
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        var collected = new SettingRules();
        rules(options, collected);
        return collected.Result();
    }
}
