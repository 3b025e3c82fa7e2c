using System.Globalization;
using System.Text.Json;
using IgnitionToolkit.Core.Playbooks;
using IgnitionToolkit.Runner.Execution;

namespace IgnitionToolkit.Runner.Cli;

/// <summary>Builds a run's parameters from <c>--param-file</c> (JSON object) then <c>--param key=value</c> (which wins),
/// typed by the playbook's declarations, with declared defaults filled in. Collects every problem.</summary>
public static class ParameterBinder
{
    public static Dictionary<string, object?> Bind(Playbook playbook, IReadOnlyList<string> pairs, string? paramFile, List<string> errors)
    {
        var declared = playbook.Parameters.ToDictionary(p => p.Name, StringComparer.Ordinal);
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);

        if (paramFile is not null)
        {
            try
            {
                foreach (var (name, value) in JsonValues.ParseObject(File.ReadAllText(paramFile)))
                    Set(name, value, $"{paramFile}: {name}");
            }
            catch (Exception ex) when (ex is IOException or JsonException or UnauthorizedAccessException)
            {
                errors.Add($"{paramFile}: error: {ex.Message}");
            }
        }

        foreach (var pair in pairs)
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                errors.Add($"--param {pair}: expected key=value");
                continue;
            }
            Set(pair[..equals].Trim(), pair[(equals + 1)..], $"--param {pair[..equals].Trim()}");
        }

        foreach (var parameter in playbook.Parameters.Where(p => !values.ContainsKey(p.Name)))
        {
            if (parameter.Default is not null) values[parameter.Name] = parameter.Default;
            else if (parameter.Required) errors.Add($"parameter '{parameter.Name}' is required: give it with --param {parameter.Name}=...");
        }
        return values;

        void Set(string name, object? value, string origin)
        {
            if (!declared.TryGetValue(name, out var parameter))
            {
                var known = declared.Count == 0 ? "the playbook declares none" : "declared: " + string.Join(", ", declared.Keys);
                errors.Add($"{origin}: unknown parameter ({known})");
                return;
            }
            if (TryConvert(value, parameter.Type, out var typed, out var problem)) values[name] = typed;
            else errors.Add($"{origin}: {problem}");
        }
    }

    /// <summary>Converts a text or JSON value to the declared type (integer → long, float → double, boolean, list, dict, text).</summary>
    public static bool TryConvert(object? value, ParameterType type, out object? result, out string? problem)
    {
        problem = null;
        result = value;
        var text = value as string;
        switch (type)
        {
            case ParameterType.Integer:
                if (value is long) return true;
                if (value is double d && d == Math.Floor(d) && Math.Abs(d) < 9e15) { result = (long)d; return true; }
                if (text is not null && long.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var l)) { result = l; return true; }
                return Fail("an integer", out problem);
            case ParameterType.Float:
                if (value is double) return true;
                if (value is long n) { result = (double)n; return true; }
                if (text is not null && double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var f)) { result = f; return true; }
                return Fail("a number", out problem);
            case ParameterType.Boolean:
                if (value is bool) return true;
                result = text?.Trim().ToLowerInvariant() switch
                {
                    "true" or "yes" or "on" or "1" => true,
                    "false" or "no" or "off" or "0" => false,
                    _ => null,
                };
                return result is not null || Fail("true or false", out problem);
            case ParameterType.List:
                if (value is List<object?>) return true;
                return FromJson(text, JsonValueKind.Array, "a JSON list, e.g. [1, 2]", out result, out problem);
            case ParameterType.Dict:
                if (value is Dictionary<string, object?>) return true;
                return FromJson(text, JsonValueKind.Object, "a JSON object, e.g. {\"a\": 1}", out result, out problem);
            default:
                result = value switch
                {
                    string s => s,
                    bool b => b ? "true" : "false",
                    long or double => Convert.ToString(value, CultureInfo.InvariantCulture),
                    _ => null,
                };
                return result is not null || Fail("text", out problem);
        }

        bool Fail(string expected, out string? message)
        {
            message = $"expected {expected}, got {Describe(value)}";
            return false;
        }
    }

    private static bool FromJson(string? text, JsonValueKind kind, string expected, out object? result, out string? problem)
    {
        result = null;
        problem = null;
        if (text is not null)
        {
            try
            {
                using var document = JsonDocument.Parse(text);
                if (document.RootElement.ValueKind == kind)
                {
                    result = JsonValues.ToValue(document.RootElement);
                    return true;
                }
            }
            catch (JsonException)
            {
                // Reported below.
            }
        }
        problem = $"expected {expected}, got {Describe(text)}";
        return false;
    }

    private static string Describe(object? value) => value switch
    {
        null => "nothing",
        string s => $"'{s}'",
        _ => JsonSerializer.Serialize(value),
    };
}
