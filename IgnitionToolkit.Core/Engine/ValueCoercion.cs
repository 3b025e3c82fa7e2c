using System.Collections;
using System.Globalization;
using IgnitionToolkit.Core.Plugins;

namespace IgnitionToolkit.Core.Engine;

/// <summary>Converts resolved values to the declared types (integer → long, float → double, boolean → bool,
/// list → List&lt;object?&gt;, dict → Dictionary). Throws <see cref="FormatException"/> with a readable message.</summary>
public static class ValueCoercion
{
    public static object? Coerce(object? value, StepParameterType type, string name) =>
        ValueConversion.TryConvert(type, value, out var converted) ? converted
            : throw new FormatException($"parameter '{name}' must be {Expected(type)}, got {Describe(value!)}");

    private static string Expected(StepParameterType type) => type switch
    {
        StepParameterType.Integer => "an integer",
        StepParameterType.Float => "a number",
        StepParameterType.Boolean => "true or false",
        StepParameterType.List => "a list",
        StepParameterType.Dict => "a map",
        _ => "text",
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

    public static string ToText(object value) => ValueConversion.Text(value);

    private static string Describe(object value) => value is string s ? $"'{s}'" : value.GetType().Name.ToLowerInvariant();
}
