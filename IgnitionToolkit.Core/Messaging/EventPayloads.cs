using System.Text.Json;
using IgnitionToolkit.Core.Execution;

namespace IgnitionToolkit.Core.Messaging;

/// <summary>Values of <see cref="ExecutionEventMessage.Kind"/>.</summary>
public static class EventKinds
{
    public const string ExecutionStarted = "execution_started";
    public const string StatusChanged = "status_changed";
    public const string StepStarted = "step_started";
    public const string StepFinished = "step_finished";
    public const string Log = "log";
    public const string DebugPaused = "debug_paused";
    public const string ArtifactSaved = "artifact_saved";
    public const string ExecutionFinished = "execution_finished";
}

// Payloads of ExecutionEventMessage.PayloadJson, serialised with EventPayloadJson.Options (web naming: camelCase).
// Statuses are wire names (running, completed, skip_back...). Durations are milliseconds.

public sealed record ExecutionStartedPayload(string PlaybookName, int StepCount);

public sealed record StatusChangedPayload(string Status, string? Reason);

public sealed record StepStartedPayload(
    string StepPath, string? ParentPath, string StepId, string StepName, string StepType, int Attempt,
    IReadOnlyDictionary<string, object?> Parameters);

public sealed record StepFinishedPayload(
    string StepPath, string? ParentPath, string StepId, string Status, IReadOnlyDictionary<string, object?> Outputs,
    string? Error, double DurationMs, int Attempt);

public sealed record LogPayload(string? StepPath, string Level, string Message);

public sealed record DebugPausedPayload(
    string StepPath, string Reason, string? Error,
    IReadOnlyDictionary<string, object?> Parameters, IReadOnlyDictionary<string, object?> Variables);

public sealed record ArtifactSavedPayload(string? StepPath, string Name, string ContentType, long Size, string Sha256, string Path);

public sealed record ExecutionFinishedPayload(string Status, string? Error, double DurationMs);

/// <summary>Serialisation of event payloads, shared by the Runner (writes) and the API (reads).</summary>
public static class EventPayloadJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Serialize<T>(T payload) => JsonSerializer.Serialize(payload, Options);

    /// <summary>Reads a payload; throws <see cref="JsonException"/> when it does not match <typeparamref name="T"/>.</summary>
    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"empty {typeof(T).Name} payload");

    /// <summary>The kind and payload JSON of an engine event (what the Runner puts in an <see cref="ExecutionEventMessage"/>).</summary>
    public static (string Kind, string PayloadJson) FromEngineEvent(EngineEvent engineEvent) => engineEvent switch
    {
        ExecutionStartedEvent e => (EventKinds.ExecutionStarted, Serialize(new ExecutionStartedPayload(e.PlaybookName, e.StepCount))),
        ExecutionStatusChangedEvent e => (EventKinds.StatusChanged, Serialize(new StatusChangedPayload(e.Status.ToWire(), e.Reason))),
        StepStartedEvent e => (EventKinds.StepStarted, Serialize(new StepStartedPayload(
            e.StepPath, e.ParentPath, e.StepId, e.StepName, e.StepType, e.Attempt, e.Parameters))),
        StepFinishedEvent e => (EventKinds.StepFinished, Serialize(new StepFinishedPayload(
            e.StepPath, e.ParentPath, e.StepId, e.Status.ToWire(), e.Outputs, e.Error, e.Duration.TotalMilliseconds, e.Attempt))),
        LogEvent e => (EventKinds.Log, Serialize(new LogPayload(e.StepPath, e.Level, e.Message))),
        DebugPausedEvent e => (EventKinds.DebugPaused, Serialize(new DebugPausedPayload(e.StepPath, e.Reason, e.Error, e.Parameters, e.Variables))),
        ArtifactSavedEvent e => (EventKinds.ArtifactSaved, Serialize(new ArtifactSavedPayload(e.StepPath, e.Name, e.ContentType, e.Size, e.Sha256, e.Path))),
        ExecutionFinishedEvent e => (EventKinds.ExecutionFinished, Serialize(new ExecutionFinishedPayload(e.Status.ToWire(), e.Error, e.Duration.TotalMilliseconds))),
        _ => throw new ArgumentException($"unknown engine event {engineEvent.GetType().Name}", nameof(engineEvent)),
    };
}
