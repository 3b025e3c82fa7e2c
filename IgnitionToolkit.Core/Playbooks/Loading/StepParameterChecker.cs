using System.Globalization;
using IgnitionToolkit.Core.Playbooks.Templates;
using IgnitionToolkit.Core.Plugins;

namespace IgnitionToolkit.Core.Playbooks.Loading;

/// <summary>Checks a step's parameters against its type's schema: required, types, allowed values, unknown names.
/// Values that are (or contain) templates are checked at run time.</summary>
internal static class StepParameterChecker
{
    public static void Check(StepDraft step, DiagnosticBag bag)
    {
        if (step.Descriptor is not { } descriptor) return;
        var label = $"step '{step.Id}' ({descriptor.Type})";
        foreach (var schema in descriptor.Parameters)
        {
            var field = $"{step.Field}.parameters.{schema.Name}";
            if (!step.Parameters.TryGetValue(schema.Name, out var value) || value is null)
            {
                if (schema.Required)
                    bag.Error(step.ParameterNodes.GetValueOrDefault(schema.Name) ?? step.ParametersNode ?? step.Node, field,
                        $"{label} requires parameter '{schema.Name}' ({Name(schema.Type)})");
                continue;
            }
            if (value is string text && TemplateSyntax.ContainsTemplate(text)) continue;
            var node = step.ParameterNodes.GetValueOrDefault(schema.Name) ?? step.ParametersNode ?? step.Node;
            if (!Fits(schema.Type, value))
                bag.Error(node, field, $"{label}: parameter '{schema.Name}' must be {Article(schema.Type)}, got {Describe(value)}");
            else if (schema.AllowedValues is { Count: > 0 } allowed && !allowed.Contains(Convert.ToString(value, CultureInfo.InvariantCulture)))
                bag.Error(node, field,
                    $"{label}: parameter '{schema.Name}' must be one of {string.Join(", ", allowed)}, got {Describe(value)}");
        }

        if (descriptor.AllowAdditionalParameters) return;
        var known = descriptor.Parameters.Select(p => p.Name).ToList();
        foreach (var name in step.Parameters.Keys.Where(n => !known.Contains(n)))
        {
            var closest = Suggestions.Closest(name, known);
            var accepted = known.Count == 0 ? "it takes no parameters" : $"its parameters are: {string.Join(", ", known)}";
            bag.Error(step.ParameterKeyNodes.GetValueOrDefault(name) ?? step.ParametersNode ?? step.Node,
                $"{step.Field}.parameters.{name}",
                $"{label} has no parameter '{name}'{(closest is null ? "" : $" (did you mean '{closest}'?)")}; {accepted}");
        }
    }

    /// <summary>Whether a literal (template-free) value fits a schema type. Numbers written as text count as numbers.</summary>
    public static bool Fits(StepParameterType type, object value) => type switch
    {
        StepParameterType.Any => true,
        StepParameterType.Integer => value is long || (value is string s && long.TryParse(s.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)),
        StepParameterType.Float => value is long or double || (value is string s && double.TryParse(s.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out _)),
        StepParameterType.Boolean => value is bool || (value is string s && bool.TryParse(s.Trim(), out _)),
        StepParameterType.List => value is List<object?>,
        StepParameterType.Dict => value is Dictionary<string, object?>,
        _ => value is string or long or double or bool,
    };

    private static string Name(StepParameterType type) => type.ToString().ToLowerInvariant();

    private static string Article(StepParameterType type) => type switch
    {
        StepParameterType.Integer => "an integer",
        StepParameterType.Float => "a number",
        StepParameterType.Boolean => "true or false",
        StepParameterType.List => "a list",
        StepParameterType.Dict => "a map",
        StepParameterType.File => "a file path",
        StepParameterType.Credential => "a credential name",
        _ => "text",
    };

    internal static string Describe(object? value) => value switch
    {
        null => "nothing",
        string s => $"'{s}'",
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        List<object?> => "a list",
        Dictionary<string, object?> => "a map",
        _ => value.ToString() ?? "",
    };
}
