using System.Collections;
using System.Globalization;
using System.Text.Json;

namespace IgnitionToolkit.Core.Plugins;

/// <summary>
/// The one conversion of a given value to a declared type, for playbook parameters (run values from the command line,
/// the API or a parent playbook) and step parameters alike: integers from whole numbers and their text, floats from
/// numbers and their text, booleans from <c>true/false</c>, <c>yes/no</c>, <c>on/off</c>, <c>1/0</c> (any case),
/// lists and maps from collections or their JSON text, text from anything (invariant culture). JSON values become plain
/// values first (<see cref="StepValues"/>).
/// </summary>
public static class ValueConversion
{
    /// <summary>The value as <paramref name="type"/>, or false when it cannot be one.</summary>
    public static bool TryConvert(StepParameterType type, object? value, out object? converted)
    {
        value = StepValues.Plain(value);
        converted = value is null ? null : type switch
        {
            StepParameterType.Integer => ToInteger(value),
            StepParameterType.Float => ToFloat(value),
            StepParameterType.Boolean => ToBoolean(value),
            StepParameterType.List => ToList(value),
            StepParameterType.Dict => ToDict(value),
            StepParameterType.Any => value,
            _ => value is string or bool or IFormattable ? Text(value) : null, // a list or map is no text
        };
        return converted is not null || value is null;
    }

    /// <summary>Text as templates and string parameters show values: invariant culture, booleans as <c>true</c>/<c>false</c>.</summary>
    public static string Text(object value) => value switch
    {
        string s => s,
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static object? ToInteger(object value) => value switch
    {
        long l => l,
        int or short or byte or sbyte or ushort or uint => Convert.ToInt64(value, CultureInfo.InvariantCulture),
        double d when Math.Abs(d % 1) < double.Epsilon && d is >= long.MinValue and <= long.MaxValue => (long)d,
        decimal m when m % 1 == 0 && m is >= long.MinValue and <= long.MaxValue => (long)m,
        string s when long.TryParse(s.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) => l,
        _ => null,
    };

    private static object? ToFloat(object value) => value switch
    {
        double d => d,
        long or int or short or byte or float or decimal => Convert.ToDouble(value, CultureInfo.InvariantCulture),
        string s when double.TryParse(s.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };

    private static object? ToBoolean(object value) => value switch
    {
        bool b => b,
        long l when l is 0 or 1 => l == 1,
        int i when i is 0 or 1 => i == 1,
        string s => s.Trim().ToLowerInvariant() switch
        {
            "true" or "yes" or "on" or "1" => true,
            "false" or "no" or "off" or "0" => false,
            _ => null,
        },
        _ => null,
    };

    private static object? ToList(object value) => value switch
    {
        string s => ParseJson(s) as List<object?>,
        IDictionary or IReadOnlyDictionary<string, object?> => null,
        IEnumerable items => items.Cast<object?>().Select(StepValues.Plain).ToList(),
        _ => null,
    };

    private static object? ToDict(object value) => value switch
    {
        string s => ParseJson(s) as Dictionary<string, object?>,
        IDictionary<string, object?> map => map.ToDictionary(e => e.Key, e => StepValues.Plain(e.Value), StringComparer.Ordinal),
        IReadOnlyDictionary<string, object?> map => map.ToDictionary(e => e.Key, e => StepValues.Plain(e.Value), StringComparer.Ordinal),
        IDictionary map => map.Keys.Cast<object>().ToDictionary(k => Text(k), k => StepValues.Plain(map[k]), StringComparer.Ordinal),
        _ => null,
    };

    private static object? ParseJson(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return StepValues.FromJson(document.RootElement);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
