using System.Text.Json;

namespace IgnitionToolkit.Hosting.Playbooks;

/// <summary>Reads a JSON object of run parameters (from <c>StartExecution.ParametersJson</c> or <c>--param-file</c>).
/// Values stay <see cref="JsonElement"/>s: <c>PlaybookParameterBinder</c> types them.</summary>
public static class JsonValues
{
    /// <summary>Parses a JSON object (empty or blank text, or <c>null</c>, is an empty object). Throws <see cref="JsonException"/> otherwise.</summary>
    public static Dictionary<string, object?> ParseObject(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return new Dictionary<string, object?>(StringComparer.Ordinal);
        using var document = JsonDocument.Parse(json);
        return document.RootElement.ValueKind switch
        {
            JsonValueKind.Null => new Dictionary<string, object?>(StringComparer.Ordinal),
            JsonValueKind.Object => document.RootElement.EnumerateObject()
                .ToDictionary(p => p.Name, p => (object?)p.Value.Clone(), StringComparer.Ordinal),
            var kind => throw new JsonException($"expected a JSON object, got {kind.ToString().ToLowerInvariant()}"),
        };
    }
}
