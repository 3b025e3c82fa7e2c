using System.Text.Json;

namespace IgnitionToolkit.Web.Api;

/// <summary>Lenient readers for the API's JSON: the status page only needs a few fields and must not break on additions.</summary>
public static class JsonFields
{
    public static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && TryGet(element, name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Null or JsonValueKind.Undefined => null,
                _ => value.GetRawText(),
            }
            : null;

    public static DateTimeOffset? Date(JsonElement element, string name) =>
        DateTimeOffset.TryParse(String(element, name), System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal, out var date) ? date : null;

    /// <summary>Items of a list response: a bare array, or an object with an <c>items</c> array (paged).</summary>
    public static IEnumerable<JsonElement> Items(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Array => element.EnumerateArray(),
        JsonValueKind.Object when TryGet(element, "items", out var items) && items.ValueKind == JsonValueKind.Array =>
            items.EnumerateArray(),
        _ => [],
    };

    private static bool TryGet(JsonElement element, string name, out JsonElement value)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        }
        value = default;
        return false;
    }
}
