using System.Collections;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IgnitionToolkit.Core.Plugins.BuiltIn.Python;

/// <summary>Values between the engine and the script: JSON types only (str, int, float, bool, None, list, dict).</summary>
internal static class PythonValues
{
    /// <summary>An engine value as JSON; values JSON has no type for are written as their text.</summary>
    public static JsonNode? ToJson(object? value, int depth = 0) => value switch
    {
        _ when depth > 64 => JsonValue.Create("..."),
        null => null,
        string s => JsonValue.Create(s),
        bool b => JsonValue.Create(b),
        long or int or short or byte or ulong or uint or ushort or sbyte => JsonValue.Create(Convert.ToInt64(value, CultureInfo.InvariantCulture)),
        double d => double.IsFinite(d) ? JsonValue.Create(d) : JsonValue.Create(d.ToString(CultureInfo.InvariantCulture)),
        float f => ToJson((double)f, depth),
        decimal m => JsonValue.Create(m),
        JsonElement e => JsonNode.Parse(e.GetRawText()),
        JsonNode n => n.DeepClone(),
        IDictionary<string, object?> map => Object(map.Select(kv => (kv.Key, kv.Value)), depth),
        IReadOnlyDictionary<string, object?> map => Object(map.Select(kv => (kv.Key, kv.Value)), depth),
        IDictionary map => Object(Entries(map), depth),
        IEnumerable list => new JsonArray([.. list.Cast<object?>().Select(item => ToJson(item, depth + 1))]),
        IFormattable f => JsonValue.Create(f.ToString(null, CultureInfo.InvariantCulture)),
        _ => JsonValue.Create(value.ToString()),
    };

    /// <summary>A JSON value as the engine keeps values (<see cref="StepValues"/>).</summary>
    public static object? FromJson(JsonElement element) => StepValues.FromJson(element);

    /// <summary>The entries of a non-generic dictionary (its enumerator yields them; a generic one's does not as DictionaryEntry).</summary>
    internal static IEnumerable<(string Key, object? Value)> Entries(IDictionary map)
    {
        var entries = new List<(string, object?)>();
        var enumerator = map.GetEnumerator();
        while (enumerator.MoveNext()) entries.Add((Convert.ToString(enumerator.Key, CultureInfo.InvariantCulture) ?? "", enumerator.Value));
        return entries;
    }

    private static JsonObject Object(IEnumerable<(string Key, object? Value)> entries, int depth)
    {
        var json = new JsonObject();
        foreach (var (key, value) in entries) json[key] = ToJson(value, depth + 1);
        return json;
    }
}
