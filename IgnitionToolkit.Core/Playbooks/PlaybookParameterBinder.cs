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

    /// <summary>The one conversion (<see cref="Plugins.ValueConversion"/>), shared with step parameters.</summary>
    private static bool TryConvert(ParameterType type, object value, out object? converted) =>
        Plugins.ValueConversion.TryConvert(type switch
        {
            ParameterType.Integer => Plugins.StepParameterType.Integer,
            ParameterType.Float => Plugins.StepParameterType.Float,
            ParameterType.Boolean => Plugins.StepParameterType.Boolean,
            ParameterType.List => Plugins.StepParameterType.List,
            ParameterType.Dict => Plugins.StepParameterType.Dict,
            _ => Plugins.StepParameterType.String,
        }, value, out converted);

    /// <summary>JSON values (as received by the API) become plain .NET values; others are returned as they are.</summary>
    private static object? FromJson(object? value) => Plugins.StepValues.Plain(value);
}
