using System.Globalization;
using System.Text.Json;

namespace IgnitionToolkit.Plugins.Gateway.Client;

/// <summary>Tolerant readers for gateway JSON and conversion to plain values usable in step outputs and templates.</summary>
internal static class GatewayJson
{
    public static string? Str(this JsonElement e, params string[] names)
    {
        if (e.ValueKind != JsonValueKind.Object) return null;
        foreach (var name in names)
        {
            if (!e.TryGetProperty(name, out var v)) continue;
            switch (v.ValueKind)
            {
                case JsonValueKind.String: return v.GetString();
                case JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False: return v.GetRawText();
            }
        }
        return null;
    }

    public static JsonElement Prop(this JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) ? v : default;

    public static bool? Bool(this JsonElement e, string name) => e.Prop(name).ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String when bool.TryParse(e.Prop(name).GetString(), out var b) => b,
        _ => null,
    };

    public static long? Long(this JsonElement e, string name) => e.Prop(name) is { ValueKind: JsonValueKind.Number } n && n.TryGetInt64(out var l)
        ? l
        : e.Prop(name) is { ValueKind: JsonValueKind.Number } d ? (long)d.GetDouble() : null;

    /// <summary>The items of a list answer: a bare array or an object with <c>items</c> (8.3 paging shape).</summary>
    public static IReadOnlyList<JsonElement> Items(this JsonElement e)
    {
        if (e.ValueKind == JsonValueKind.Array) return [.. e.EnumerateArray()];
        foreach (var name in new[] { "items", "pending", "data", "results", "projects", "modules" })
            if (e.Prop(name) is { ValueKind: JsonValueKind.Array } list) return [.. list.EnumerateArray()];
        return [];
    }

    public static object? ToPlain(JsonElement e) => Core.Plugins.StepValues.FromJson(e);

    public static string Text(object? value) => value switch
    {
        null => "",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
