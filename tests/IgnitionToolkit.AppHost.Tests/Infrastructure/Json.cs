using System.Text.Json;

namespace IgnitionToolkit.AppHost.Tests.Infrastructure;

/// <summary>Case-insensitive lookups in API responses, so the tests check values rather than naming style.</summary>
public static class Json
{
    public static JsonElement? Property(this JsonElement element, params string[] names)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        foreach (var property in element.EnumerateObject())
        {
            if (names.Any(n => string.Equals(n, property.Name, StringComparison.OrdinalIgnoreCase)))
            {
                return property.Value;
            }
        }
        return null;
    }

    public static string? Text(this JsonElement element, params string[] names) =>
        element.Property(names) is { ValueKind: JsonValueKind.String } value ? value.GetString() : element.Property(names)?.GetRawText();
}
