using System.Globalization;
using IgnitionToolkit.Core.Playbooks.Yaml;

namespace IgnitionToolkit.Core.Playbooks.Loading;

/// <summary>Reads typed scalar fields from YAML nodes, reporting mistyped values.</summary>
internal static class FieldReaders
{
    public static string? String(YamlValueNode? node, string field, DiagnosticBag bag, bool required, string what)
    {
        if (node is null)
        {
            return null;
        }
        if (!node.IsScalar || YamlValueConverter.ScalarValue(node) is null)
        {
            bag.Error(node, field, $"{what} must be a text value, not {(node.IsScalar ? "empty" : node.KindName)}");
            return null;
        }
        var text = node.Text;
        if (required && string.IsNullOrWhiteSpace(text)) bag.Error(node, field, $"{what} must not be empty");
        return text;
    }

    public static double? Seconds(YamlValueNode? node, string field, DiagnosticBag bag, bool allowZero)
    {
        if (node is null) return null;
        var value = node.IsScalar ? YamlValueConverter.ScalarValue(node) : null;
        double? seconds = value switch
        {
            long l => l,
            double d when double.IsFinite(d) => d,
            string s => TryDouble(s),
            _ => null,
        };
        if (seconds is null)
        {
            bag.Error(node, field, $"{field.Split('.')[^1]} must be a number of seconds, got '{Describe(node)}'");
            return null;
        }
        if (seconds < 0 || (!allowZero && seconds == 0))
        {
            bag.Error(node, field, $"{field.Split('.')[^1]} must be {(allowZero ? "zero or more" : "more than zero")} seconds, got {Describe(node)}");
            return null;
        }
        return seconds;
    }

    public static int? Count(YamlValueNode? node, string field, DiagnosticBag bag)
    {
        if (node is null) return null;
        var value = node.IsScalar ? YamlValueConverter.ScalarValue(node) : null;
        long? count = value switch
        {
            long l => l,
            string s when long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var p) => p,
            _ => null,
        };
        if (count is null || count < 0 || count > 1000)
        {
            bag.Error(node, field, $"{field.Split('.')[^1]} must be a whole number from 0 to 1000, got '{Describe(node)}'");
            return null;
        }
        return (int)count;
    }

    public static bool? Boolean(YamlValueNode? node, string field, DiagnosticBag bag)
    {
        if (node is null) return null;
        if (node.IsScalar && YamlValueConverter.ScalarValue(node) is bool b) return b;
        bag.Error(node, field, $"{field.Split('.')[^1]} must be true or false, got '{Describe(node)}'");
        return null;
    }

    public static string Describe(YamlValueNode node) => node.IsScalar ? node.Text : node.KindName;

    private static double? TryDouble(string s) =>
        double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) ? d : null;
}
