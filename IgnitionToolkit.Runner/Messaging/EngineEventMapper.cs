using System.Text.Json;
using IgnitionToolkit.Core.Execution;

namespace IgnitionToolkit.Runner.Messaging;

/// <summary>
/// The single place where engine events become bus payloads: the <c>Kind</c> and the <c>PayloadJson</c> of
/// <see cref="Core.Messaging.ExecutionEventMessage"/>. Field names are System.Text.Json web names (camelCase),
/// statuses are wire names (<c>completed</c>), durations are milliseconds.
/// </summary>
public static class EngineEventMapper
{
    public const string ExecutionStarted = "execution_started";
    public const string StatusChanged = "status_changed";
    public const string StepStarted = "step_started";
    public const string StepFinished = "step_finished";
    public const string Log = "log";
    public const string DebugPaused = "debug_paused";
    public const string ArtifactSaved = "artifact_saved";
    public const string ExecutionFinished = "execution_finished";

    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public static (string Kind, string PayloadJson) Map(EngineEvent engineEvent) => engineEvent switch
    {
        ExecutionStartedEvent e => (ExecutionStarted, Json(new { e.PlaybookName, e.StepCount })),
        ExecutionStatusChangedEvent e => (StatusChanged, Json(new { Status = e.Status.ToWire(), e.Reason })),
        StepStartedEvent e => (StepStarted, Json(new
        {
            e.StepPath, e.ParentPath, e.StepId, e.StepName, e.StepType, e.Attempt, Parameters = Values(e.Parameters),
        })),
        StepFinishedEvent e => (StepFinished, Json(new
        {
            e.StepPath, e.ParentPath, e.StepId, Status = e.Status.ToWire(), Outputs = Values(e.Outputs), e.Error,
            DurationMs = e.Duration.TotalMilliseconds, e.Attempt,
        })),
        LogEvent e => (Log, Json(new { e.StepPath, e.Level, e.Message })),
        DebugPausedEvent e => (DebugPaused, Json(new
        {
            e.StepPath, e.Reason, e.Error, Parameters = Values(e.Parameters), Variables = Values(e.Variables),
        })),
        ArtifactSavedEvent e => (ArtifactSaved, Json(new { e.StepPath, e.Name, e.ContentType, e.Size, e.Sha256, e.Path })),
        ExecutionFinishedEvent e => (ExecutionFinished, Json(new
        {
            Status = e.Status.ToWire(), e.Error, DurationMs = e.Duration.TotalMilliseconds,
        })),
        _ => (Log, Json(new { StepPath = (string?)null, Level = "warning", Message = $"unknown engine event {engineEvent.GetType().Name}" })),
    };

    private static string Json<T>(T payload) => JsonSerializer.Serialize(payload, JsonOptions);

    /// <summary>Values that JSON can carry as they are; anything else becomes its text, so one odd output never loses an event.</summary>
    private static Dictionary<string, object?> Values(IReadOnlyDictionary<string, object?> values)
    {
        var result = new Dictionary<string, object?>(values.Count);
        foreach (var (key, value) in values) result[key] = Value(value);
        return result;
    }

    private static object? Value(object? value) => value switch
    {
        null or string or bool or JsonElement => value,
        byte or sbyte or short or ushort or int or uint or long or ulong or float or double or decimal => value,
        DateTime or DateTimeOffset or TimeSpan or Guid => value,
        IReadOnlyDictionary<string, object?> map => Values(map),
        IDictionary<string, object?> map => map.ToDictionary(kv => kv.Key, kv => Value(kv.Value)),
        System.Collections.IEnumerable list => list.Cast<object?>().Select(Value).ToList(),
        _ => value.ToString(),
    };
}
