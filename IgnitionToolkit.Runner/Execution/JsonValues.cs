using System.Text.Json;

namespace IgnitionToolkit.Runner.Execution;

/// <summary>Turns JSON into plain values with their types kept: integer → long, other number → double, bool, string,
/// array → <c>List&lt;object?&gt;</c>, object → <c>Dictionary&lt;string, object?&gt;</c>.</summary>
public static class JsonValues
{
    /// <summary>Parses a JSON object (empty or blank text is an empty object). Throws <see cref="JsonException"/> otherwise.</summary>
    public static Dictionary<string, object?> ParseObject(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return new Dictionary<string, object?>();
        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
            throw new JsonException($"expected a JSON object, got {document.RootElement.ValueKind.ToString().ToLowerInvariant()}");
        return (Dictionary<string, object?>)ToValue(document.RootElement)!;
    }

    public static object? ToValue(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.TryGetInt64(out var l) ? (object)l : element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Array => element.EnumerateArray().Select(ToValue).ToList(),
        JsonValueKind.Object => element.EnumerateObject().ToDictionary(p => p.Name, p => ToValue(p.Value)),
        _ => null,
    };
}
