namespace IgnitionToolkit.Core.Playbooks.Loading;

/// <summary>Names and value checks of playbook parameter types.</summary>
internal static class ParameterTypes
{
    public static readonly string[] Names = ["string", "integer", "float", "boolean", "file", "credential", "list", "dict"];

    public static string Name(ParameterType type) => type.ToString().ToLowerInvariant();

    public static bool TryParse(string text, out ParameterType type)
    {
        var index = Array.IndexOf(Names, text.Trim().ToLowerInvariant());
        type = index < 0 ? ParameterType.String : (ParameterType)index;
        return index >= 0;
    }

    /// <summary>Whether a YAML value fits the type (used for defaults).</summary>
    public static bool Matches(ParameterType type, object value) => type switch
    {
        ParameterType.Integer => value is long,
        ParameterType.Float => value is long or double,
        ParameterType.Boolean => value is bool,
        ParameterType.List => value is List<object?>,
        ParameterType.Dict => value is Dictionary<string, object?>,
        _ => value is string or long or double or bool,
    };
}
