using IgnitionToolkit.Core.Playbooks;
using IgnitionToolkit.Core.Plugins;

namespace IgnitionToolkit.Core.Engine;

/// <summary>Binds the values given at start to a playbook's declared parameters: defaults, required checks, types.</summary>
public static class ParameterBinder
{
    /// <summary>Returns the bound parameters, or the list of problems (one line per parameter).</summary>
    public static (IReadOnlyDictionary<string, object?> Values, IReadOnlyList<string> Errors) Bind(
        Playbook playbook, IReadOnlyDictionary<string, object?> given)
    {
        var values = new Dictionary<string, object?>(given, StringComparer.Ordinal);
        var errors = new List<string>();
        foreach (var parameter in playbook.Parameters)
        {
            given.TryGetValue(parameter.Name, out var value);
            if (value is null || (value is string s && s.Length == 0 && parameter.Type != ParameterType.String))
                value = parameter.Default;
            if (value is null)
            {
                if (parameter.Required) errors.Add($"{parameter.Location}: parameter '{parameter.Name}' is required");
                values[parameter.Name] = null;
                continue;
            }
            try
            {
                values[parameter.Name] = ValueCoercion.Coerce(value, ToStepType(parameter.Type), parameter.Name);
            }
            catch (FormatException ex)
            {
                errors.Add($"{parameter.Location}: {ex.Message}");
            }
        }
        return (values, errors);
    }

    public static StepParameterType ToStepType(ParameterType type) => type switch
    {
        ParameterType.Integer => StepParameterType.Integer,
        ParameterType.Float => StepParameterType.Float,
        ParameterType.Boolean => StepParameterType.Boolean,
        ParameterType.List => StepParameterType.List,
        ParameterType.Dict => StepParameterType.Dict,
        ParameterType.Credential => StepParameterType.Credential,
        ParameterType.File => StepParameterType.File,
        _ => StepParameterType.String,
    };
}
