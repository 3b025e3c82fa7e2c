using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;

namespace IgnitionToolkit.Core.Playbooks.Yaml;

/// <summary>
/// Turns YAML nodes into plain .NET values following the YAML 1.2 core schema:
/// null, <see cref="bool"/>, <see cref="long"/>, <see cref="double"/>, <see cref="string"/>,
/// <c>List&lt;object?&gt;</c> and <c>Dictionary&lt;string, object?&gt;</c>. Quoted scalars stay strings.
/// </summary>
internal static partial class YamlValueConverter
{
    private const string Core = "tag:yaml.org,2002:";

    public static object? ToValue(YamlValueNode node) => node.Kind switch
    {
        YamlNodeKind.Scalar => ScalarValue(node),
        YamlNodeKind.Sequence => node.Items.Select(ToValue).ToList(),
        _ => ToMap(node),
    };

    public static Dictionary<string, object?> ToMap(YamlValueNode node)
    {
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in node.Entries) map[key.Text] = ToValue(value);
        return map;
    }

    public static object? ScalarValue(YamlValueNode node)
    {
        var text = node.Text;
        switch (node.Tag)
        {
            case Core + "str": return text;
            case Core + "null": return null;
            case Core + "bool": return ParseBool(text) ?? (object)text;
            case Core + "int": return ParseInteger(text) ?? (object)text;
            case Core + "float": return ParseFloat(text) ?? (object)text;
        }
        if (node.Style != ScalarStyle.Plain) return text;
        if (text is "" or "~" or "null" or "Null" or "NULL") return null;
        return ParseBool(text) ?? ParseInteger(text) ?? ParseFloat(text) ?? (object)text;
    }

    private static object? ParseBool(string text) => text switch
    {
        "true" or "True" or "TRUE" => true,
        "false" or "False" or "FALSE" => false,
        _ => null,
    };

    private static object? ParseInteger(string text)
    {
        if (DecimalInt().IsMatch(text))
            return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) ? l : null;
        if (text.StartsWith("0x", StringComparison.Ordinal) && text.Length > 2)
            return long.TryParse(text[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var h) ? h : null;
        if (text.StartsWith("0o", StringComparison.Ordinal) && text.Length > 2)
        {
            try { return Convert.ToInt64(text[2..], 8); }
            catch (FormatException) { return null; }
            catch (OverflowException) { return null; }
        }
        return null;
    }

    private static object? ParseFloat(string text)
    {
        switch (text)
        {
            case ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF": return double.PositiveInfinity;
            case "-.inf" or "-.Inf" or "-.INF": return double.NegativeInfinity;
            case ".nan" or ".NaN" or ".NAN": return double.NaN;
        }
        if (!FloatNumber().IsMatch(text)) return null;
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;
    }

    [GeneratedRegex(@"^[-+]?[0-9]+$")]
    private static partial Regex DecimalInt();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatNumber();
}
