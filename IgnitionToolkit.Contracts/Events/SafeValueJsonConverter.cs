using System.Collections;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace IgnitionToolkit.Contracts.Events;

/// <summary>
/// Writes free-form values (step parameters, outputs, variables typed <see cref="object"/>) so that one odd value never
/// loses an event: JSON-friendly values (text, booleans, finite numbers, dates, GUIDs, <see cref="JsonElement"/>,
/// dictionaries and lists of them, records) are written as they are; enums, NaN/infinity and objects System.Text.Json
/// cannot write (<see cref="Type"/>, cycles, delegates...) become their text.
/// Reading gives <see cref="JsonElement"/> values, as System.Text.Json does by default.
/// </summary>
public sealed class SafeValueJsonConverter : JsonConverter<object>
{
    private const int MaxDepth = 32;

    public override object? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return document.RootElement.Clone();
    }

    public override void Write(Utf8JsonWriter writer, object value, JsonSerializerOptions options) => WriteValue(writer, value, options, 0);

    internal static void WriteValue(Utf8JsonWriter writer, object? value, JsonSerializerOptions options, int depth)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string s:
                writer.WriteStringValue(s);
                break;
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case JsonElement element:
                element.WriteTo(writer);
                break;
            case byte or sbyte or short or ushort or int or uint or long:
                writer.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case ulong u:
                writer.WriteNumberValue(u);
                break;
            case decimal m:
                writer.WriteNumberValue(m);
                break;
            case float or double:
                var d = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                if (double.IsFinite(d)) writer.WriteNumberValue(d);
                else writer.WriteStringValue(d.ToString(CultureInfo.InvariantCulture));
                break;
            case DateTime or DateTimeOffset or TimeSpan or Guid:
                writer.WriteStringValue(((IFormattable)value) switch
                {
                    DateTime t => t.ToString("O", CultureInfo.InvariantCulture),
                    DateTimeOffset t => t.ToString("O", CultureInfo.InvariantCulture),
                    TimeSpan t => t.ToString("c", CultureInfo.InvariantCulture),
                    var other => other.ToString(null, CultureInfo.InvariantCulture),
                });
                break;
            case IDictionary map when depth < MaxDepth:
                writer.WriteStartObject();
                foreach (DictionaryEntry entry in map)
                {
                    writer.WritePropertyName(Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? "");
                    WriteValue(writer, entry.Value, options, depth + 1);
                }
                writer.WriteEndObject();
                break;
            case IEnumerable<KeyValuePair<string, object?>> pairs when depth < MaxDepth:
                writer.WriteStartObject();
                foreach (var (key, item) in pairs)
                {
                    writer.WritePropertyName(key);
                    WriteValue(writer, item, options, depth + 1);
                }
                writer.WriteEndObject();
                break;
            case IEnumerable items when depth < MaxDepth:
                writer.WriteStartArray();
                foreach (var item in items) WriteValue(writer, item, options, depth + 1);
                writer.WriteEndArray();
                break;
            case Enum:
                writer.WriteStringValue(value.ToString());
                break;
            default:
                WriteObject(writer, value, options);
                break;
        }
    }

    /// <summary>Records and other objects as System.Text.Json writes their runtime type; their text when it cannot
    /// (cycles, <see cref="Type"/>, delegates, pointers...).</summary>
    private static void WriteObject(Utf8JsonWriter writer, object value, JsonSerializerOptions options)
    {
        byte[] json;
        try
        {
            json = JsonSerializer.SerializeToUtf8Bytes(value, value.GetType(), options);
        }
        catch (Exception ex) when (ex is NotSupportedException or JsonException or InvalidOperationException or ArgumentException)
        {
            writer.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "");
            return;
        }
        writer.WriteRawValue(json, skipInputValidation: true);
    }
}
