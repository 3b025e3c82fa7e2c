using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using IgnitionToolkit.Core.Playbooks.Yaml;
using YamlDotNet.Core;

namespace IgnitionToolkit.Core.Playbooks.Migration;

/// <summary>Writes a replacement for a YAML scalar in the style of the original.</summary>
internal static partial class ScalarText
{
    public static string Name(YamlValueNode original, string name) => original.Style switch
    {
        ScalarStyle.SingleQuoted => $"'{name.Replace("'", "''", StringComparison.Ordinal)}'",
        ScalarStyle.DoubleQuoted => JsonSerializer.Serialize(name),
        _ => name,
    };

    /// <summary>YAML text for a simple value, or null when the value is not simple (lists, maps, objects).</summary>
    public static string? Value(YamlValueNode original, object? value) => value switch
    {
        null => "null",
        bool b => b ? "true" : "false",
        long or int or short => Convert.ToString(value, CultureInfo.InvariantCulture),
        double d when double.IsFinite(d) => d.ToString("R", CultureInfo.InvariantCulture),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        string s when original.IsQuoted => Name(original, s),
        string s when PlainSafe().IsMatch(s) && YamlValueConverter.ScalarValue(Plain(s)) is string => s,
        string s => JsonSerializer.Serialize(s),
        _ => null,
    };

    public static bool IsSimple(object? value) => value is null or bool or string or long or int or short or double or decimal;

    private static YamlValueNode Plain(string s) =>
        new() { Kind = YamlNodeKind.Scalar, Start = Mark.Empty, Text = s, Style = ScalarStyle.Plain };

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_./\-]*$")]
    private static partial Regex PlainSafe();
}
