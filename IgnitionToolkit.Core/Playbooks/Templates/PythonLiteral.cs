using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace IgnitionToolkit.Core.Playbooks.Templates;

/// <summary>Writes values as Python's <c>str()</c> and <c>repr()</c> do, for templates pasted into Python source:
/// <c>True</c>/<c>False</c>, <c>None</c>, <c>1.0</c>, <c>['a', 1]</c>, <c>{'k': None}</c>.</summary>
internal static class PythonLiteral
{
    /// <summary>Python's <c>str(value)</c>: text as it is, everything else as its literal.</summary>
    public static string Str(object? value) => value switch
    {
        string s => s,
        JsonElement { ValueKind: JsonValueKind.String } e => e.GetString() ?? "",
        _ => Repr(value),
    };

    /// <summary>Python's <c>repr(value)</c>.</summary>
    public static string Repr(object? value)
    {
        var builder = new StringBuilder();
        Write(builder, value, depth: 0);
        return builder.ToString();
    }

    private static void Write(StringBuilder b, object? value, int depth)
    {
        if (depth > 64) { b.Append("..."); return; } // a cycle or absurd nesting: Python prints [...] too
        switch (value)
        {
            case null: b.Append("None"); break;
            case bool flag: b.Append(flag ? "True" : "False"); break;
            case string s: Quote(b, s); break;
            case double d: b.Append(Float(d)); break;
            case float f: b.Append(Float(f)); break;
            case JsonElement e: WriteJson(b, e, depth); break;
            case IFormattable f: b.Append(f.ToString(null, CultureInfo.InvariantCulture)); break;
            case IDictionary<string, object?> map: WriteMap(b, map.Select(kv => (kv.Key, kv.Value)), depth); break;
            case IReadOnlyDictionary<string, object?> map: WriteMap(b, map.Select(kv => (kv.Key, kv.Value)), depth); break;
            case IDictionary map: WriteMap(b, Entries(map), depth); break;
            case IEnumerable list: WriteList(b, list.Cast<object?>(), depth); break;
            default: Quote(b, value.ToString() ?? ""); break;
        }
    }

    private static void WriteJson(StringBuilder b, JsonElement e, int depth)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object: WriteMap(b, e.EnumerateObject().Select(p => (p.Name, (object?)p.Value)), depth); break;
            case JsonValueKind.Array: WriteList(b, e.EnumerateArray().Select(i => (object?)i), depth); break;
            case JsonValueKind.String: Quote(b, e.GetString() ?? ""); break;
            case JsonValueKind.True: b.Append("True"); break;
            case JsonValueKind.False: b.Append("False"); break;
            case JsonValueKind.Number:
                b.Append(e.TryGetInt64(out var l) ? l.ToString(CultureInfo.InvariantCulture) : Float(e.GetDouble()));
                break;
            default: b.Append("None"); break;
        }
    }

    private static List<(string, object?)> Entries(IDictionary map)
    {
        var entries = new List<(string, object?)>();
        var enumerator = map.GetEnumerator();
        while (enumerator.MoveNext()) entries.Add((Convert.ToString(enumerator.Key, CultureInfo.InvariantCulture) ?? "", enumerator.Value));
        return entries;
    }

    private static void WriteMap(StringBuilder b, IEnumerable<(string Key, object? Value)> entries, int depth)
    {
        b.Append('{');
        var first = true;
        foreach (var (key, value) in entries)
        {
            if (!first) b.Append(", ");
            first = false;
            Quote(b, key);
            b.Append(": ");
            Write(b, value, depth + 1);
        }
        b.Append('}');
    }

    private static void WriteList(StringBuilder b, IEnumerable<object?> items, int depth)
    {
        b.Append('[');
        var first = true;
        foreach (var item in items)
        {
            if (!first) b.Append(", ");
            first = false;
            Write(b, item, depth + 1);
        }
        b.Append(']');
    }

    /// <summary>repr of a float: shortest round-trip digits, always with a point or an exponent.</summary>
    internal static string Float(double d)
    {
        if (double.IsNaN(d)) return "nan";
        if (double.IsInfinity(d)) return d > 0 ? "inf" : "-inf";
        var text = d.ToString("R", CultureInfo.InvariantCulture).Replace('E', 'e');
        return text.Contains('.', StringComparison.Ordinal) || text.Contains('e', StringComparison.Ordinal) ? text : text + ".0";
    }

    /// <summary>repr of a string: single quotes unless the text holds a single quote and no double quote.</summary>
    private static void Quote(StringBuilder b, string s)
    {
        var quote = s.Contains('\'', StringComparison.Ordinal) && !s.Contains('"', StringComparison.Ordinal) ? '"' : '\'';
        b.Append(quote);
        foreach (var c in s)
        {
            switch (c)
            {
                case '\\': b.Append("\\\\"); break;
                case '\n': b.Append("\\n"); break;
                case '\r': b.Append("\\r"); break;
                case '\t': b.Append("\\t"); break;
                case var q when q == quote: b.Append('\\').Append(q); break;
                case < ' ' or '\x7f': b.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture)); break;
                default: b.Append(c); break;
            }
        }
        b.Append(quote);
    }
}
