using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace IgnitionToolkit.Contracts.Events;

/// <summary>
/// Free-form maps of events (step parameters, outputs, variables) written value by value as
/// <see cref="SafeValueJsonConverter"/> writes them, so one odd value never loses an event, whatever options the host
/// serialiser (MassTransit, SignalR, the API's store) uses; read back as <see cref="JsonElement"/> values.
/// </summary>
public sealed class FreeFormMapJsonConverter : JsonConverter<IReadOnlyDictionary<string, object?>>
{
    public override IReadOnlyDictionary<string, object?> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (document.RootElement.ValueKind != JsonValueKind.Object) return map;
        foreach (var property in document.RootElement.EnumerateObject()) map[property.Name] = property.Value.Clone();
        return map;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyDictionary<string, object?> value, JsonSerializerOptions options) =>
        SafeValueJsonConverter.WriteValue(writer, value, options, 0);
}

/// <summary>A <see cref="TimeSpan"/> as a number of milliseconds (<c>durationMs</c> on the wire).</summary>
public sealed class MillisecondsJsonConverter : JsonConverter<TimeSpan>
{
    public override TimeSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.Number => TimeSpan.FromMilliseconds(reader.GetDouble()),
        JsonTokenType.String when double.TryParse(reader.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var ms) => TimeSpan.FromMilliseconds(ms),
        _ => throw new JsonException("durationMs must be a number of milliseconds"),
    };

    public override void Write(Utf8JsonWriter writer, TimeSpan value, JsonSerializerOptions options) => writer.WriteNumberValue(value.TotalMilliseconds);
}

/// <summary>
/// The one JSON convention of the bus and the hub: System.Text.Json web defaults (camelCase properties), statuses and
/// commands as lower snake_case wire names, free-form values through <see cref="SafeValueJsonConverter"/>. Used where the
/// toolkit serialises contracts itself (the API's <c>pending_events</c>, step outputs, debug context); MassTransit and
/// SignalR use their camelCase defaults, and the attributes on the contracts make the result the same.
/// </summary>
public static class ContractJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new SafeValueJsonConverter() } };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    /// <summary>Reads a contract; throws <see cref="JsonException"/> when the JSON does not match <typeparamref name="T"/>.</summary>
    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"empty {typeof(T).Name}");

    /// <summary>An event as JSON with its <c>kind</c>.</summary>
    public static string SerializeEvent(ExecutionEvent executionEvent) => JsonSerializer.Serialize(executionEvent, Options);

    public static ExecutionEvent DeserializeEvent(string json) => Deserialize<ExecutionEvent>(json);

    /// <summary>An event with its sequence as UTF-8 JSON, an element of <c>Bus.ExecutionEventBatch.Events</c>.</summary>
    public static byte[] SerializeSequenced(SequencedEvent sequenced) => JsonSerializer.SerializeToUtf8Bytes(sequenced, Options);

    /// <summary>Events with their sequences as one UTF-8 JSON array: how bus messages carry events as one value
    /// (MassTransit reads a message's JSON twice, first into a document; a base64 value costs that pass next to nothing).</summary>
    public static byte[] SerializeSequenced(IReadOnlyList<SequencedEvent> events) => JsonSerializer.SerializeToUtf8Bytes(events, Options);

    /// <summary>Reads what <see cref="SerializeSequenced(IReadOnlyList{SequencedEvent})"/> wrote; throws
    /// <see cref="JsonException"/> when <paramref name="json"/> is not such an array.</summary>
    public static IReadOnlyList<SequencedEvent> DeserializeSequenced(byte[]? json) =>
        JsonSerializer.Deserialize<SequencedEvent[]>(json ?? throw new JsonException("no events"), Options) ?? throw new JsonException("no events");
}
