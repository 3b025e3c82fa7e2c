using System.Collections;
using System.Globalization;
using IgnitionToolkit.Core.Plugins;

namespace IgnitionToolkit.Core.Engine;

/// <summary>Converts resolved values to the declared types (integer → long, float → double, boolean → bool,
/// list → List&lt;object?&gt;, dict → Dictionary). Throws <see cref="FormatException"/> with a readable message.</summary>
public static class ValueCoercion
{
    public static object? Coerce(object? value, StepParameterType type, string name) => type switch
    {
        _ when value is null => null,
        StepParameterType.String or StepParameterType.Credential or StepParameterType.File => ToText(value),
        StepParameterType.Integer => ToInteger(value, name),
        StepParameterType.Float => ToFloat(value, name),
        StepParameterType.Boolean => ToBoolean(value, name),
        StepParameterType.List => value is IEnumerable e and not string and not IDictionary
            ? e.Cast<object?>().ToList()
            : throw new FormatException($"parameter '{name}' must be a list, got {Describe(value)}"),
        StepParameterType.Dict => value is IDictionary or IReadOnlyDictionary<string, object?>
            ? value
            : throw new FormatException($"parameter '{name}' must be a map, got {Describe(value)}"),
        _ => value,
    };

    /// <summary>Coerces every declared parameter, applies schema defaults and checks required ones; undeclared values pass through.</summary>
    public static IReadOnlyDictionary<string, object?> CoerceParameters(StepTypeDescriptor descriptor, IReadOnlyDictionary<string, object?> values)
    {
        var result = new Dictionary<string, object?>(values, StringComparer.Ordinal);
        foreach (var schema in descriptor.Parameters)
        {
            result.TryGetValue(schema.Name, out var value);
            if (value is null && schema.Default is not null) value = schema.Default;
            if (value is null)
            {
                if (schema.Required) throw new FormatException($"parameter '{schema.Name}' is required");
                result.Remove(schema.Name);
                continue;
            }
            var coerced = Coerce(value, schema.Type, schema.Name);
            if (schema.AllowedValues is { Count: > 0 } allowed && coerced is string s && !allowed.Contains(s))
                throw new FormatException($"parameter '{schema.Name}' must be one of {string.Join(", ", allowed)}, got '{s}'");
            result[schema.Name] = coerced;
        }
        return result;
    }

    public static string ToText(object value) => value switch
    {
        string s => s,
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static long ToInteger(object value, string name) => value switch
    {
        long l => l,
        int i => i,
        double d when Math.Abs(d % 1) < double.Epsilon => (long)d,
        decimal m when m % 1 == 0 => (long)m,
        string s when long.TryParse(s.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) => l,
        _ => throw new FormatException($"parameter '{name}' must be an integer, got {Describe(value)}"),
    };

    private static double ToFloat(object value, string name) => value switch
    {
        double d => d,
        long l => l,
        int i => i,
        float f => f,
        decimal m => (double)m,
        string s when double.TryParse(s.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => throw new FormatException($"parameter '{name}' must be a number, got {Describe(value)}"),
    };

    private static bool ToBoolean(object value, string name) => value switch
    {
        bool b => b,
        string s when bool.TryParse(s.Trim(), out var b) => b,
        string s when s.Trim() is "yes" or "on" or "1" => true,
        string s when s.Trim() is "no" or "off" or "0" => false,
        long l => l != 0,
        _ => throw new FormatException($"parameter '{name}' must be true or false, got {Describe(value)}"),
    };

    private static string Describe(object value) => value is string s ? $"'{s}'" : value.GetType().Name.ToLowerInvariant();
}
