using System.Collections;
using System.Globalization;
using System.Text.Json;
using IgnitionToolkit.Core.Playbooks.Loading;

namespace IgnitionToolkit.Core.Playbooks;

/// <summary>The parameter values of one run, typed, with every problem found.</summary>
public sealed record ParameterBindingResult(IReadOnlyDictionary<string, object?> Values, IReadOnlyList<string> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>
/// Turns the parameters given for a run (from the command line as text, from the API as JSON, or typed) into the
/// values templates see: converted to the declared type (<c>"3"</c> → <c>3L</c> for an integer), defaults applied,
/// required parameters checked. Optional parameters without a default are present as null.
/// Given parameters the playbook does not declare are passed through unchanged.
/// </summary>
public static class PlaybookParameterBinder
{
    public static ParameterBindingResult Bind(Playbook playbook, IReadOnlyDictionary<string, object?> given)
    {
        ArgumentNullException.ThrowIfNull(playbook);
        ArgumentNullException.ThrowIfNull(given);
        var values = given.ToDictionary(e => e.Key, e => FromJson(e.Value), StringComparer.Ordinal);
        var errors = new List<string>();
        foreach (var parameter in playbook.Parameters)
        {
            var typeName = ParameterTypes.Name(parameter.Type);
            if (!values.TryGetValue(parameter.Name, out var value) || value is null)
            {
                values[parameter.Name] = parameter.Default;
                if (parameter.Default is null && parameter.Required)
                    errors.Add($"parameter '{parameter.Name}' ({typeName}) is required");
                continue;
            }
            if (TryConvert(parameter.Type, value, out var converted))
                values[parameter.Name] = converted;
            else
                errors.Add($"parameter '{parameter.Name}' must be {typeName}, got '{StepParameterChecker.Describe(value).Trim('\'')}'");
        }
        return new ParameterBindingResult(values, errors);
    }

    private static bool TryConvert(ParameterType type, object value, out object? converted)
    {
        converted = type switch
        {
            ParameterType.Integer => ToInteger(value),
            ParameterType.Float => ToFloat(value),
            ParameterType.Boolean => ToBoolean(value),
            ParameterType.List => ToList(value),
            ParameterType.Dict => ToDict(value),
            _ => ToText(value),
        };
        return converted is not null;
    }

    private static object? ToInteger(object value) => value switch
    {
        long l => l,
        int or short or byte => Convert.ToInt64(value, CultureInfo.InvariantCulture),
        double d when Math.Abs(d % 1) < double.Epsilon && d is >= long.MinValue and <= long.MaxValue => (long)d,
        string s when long.TryParse(s.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) => l,
        _ => null,
    };

    private static object? ToFloat(object value) => value switch
    {
        double d => d,
        long or int or short or float or decimal => Convert.ToDouble(value, CultureInfo.InvariantCulture),
        string s when double.TryParse(s.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };

    private static object? ToBoolean(object value) => value switch
    {
        bool b => b,
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
        IDictionary => null,
        IEnumerable items => items.Cast<object?>().Select(FromJson).ToList(),
        _ => null,
    };

    private static object? ToDict(object value) => value switch
    {
        string s => ParseJson(s) as Dictionary<string, object?>,
        IDictionary<string, object?> map => map.ToDictionary(e => e.Key, e => FromJson(e.Value), StringComparer.Ordinal),
        IReadOnlyDictionary<string, object?> map => map.ToDictionary(e => e.Key, e => FromJson(e.Value), StringComparer.Ordinal),
        _ => null,
    };

    private static object? ToText(object value) => value switch
    {
        string s => s,
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => null,
    };

    private static object? ParseJson(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return FromJson(document.RootElement.Clone());
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>JSON values (as received by the API) become plain .NET values; others are returned as they are.</summary>
    private static object? FromJson(object? value) => Plugins.StepValues.Plain(value);
}
