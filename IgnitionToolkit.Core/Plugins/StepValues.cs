using System.Text.Json;

namespace IgnitionToolkit.Core.Plugins;

/// <summary>Plain step values (what parameters, outputs and templates carry: string, long, double, bool, null,
/// <c>List&lt;object?&gt;</c> and <c>Dictionary&lt;string, object?&gt;</c>) from JSON: the one conversion used by the
/// parameter binder, re-run overrides, templates, the Python step and the plugins.</summary>
public static class StepValues
{
    /// <summary>A JSON value (as the API or a plugin received it) as a plain value; any other value as it is.</summary>
    public static object? Plain(object? value) => value is JsonElement element ? FromJson(element) : value;

    public static object? FromJson(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number => element.TryGetInt64(out var l) ? (object)l : element.GetDouble(),
        JsonValueKind.Array => element.EnumerateArray().Select(FromJson).ToList(),
        JsonValueKind.Object => element.EnumerateObject() // a repeated key: the last one wins, as in JSON parsers that keep one
            .GroupBy(p => p.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => FromJson(g.Last().Value), StringComparer.Ordinal),
        _ => null,
    };
}
