using System.Text.Json.Serialization;

namespace IgnitionToolkit.Contracts.Events;

/// <summary>Discriminator values (<c>"kind"</c> on the wire) of the <see cref="ExecutionEvent"/> records.</summary>
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
    public const string PendingStepsEdited = "pending_steps_edited";

    /// <summary>What <see cref="ExecutionEvent.Kind"/> says of an event whose kind this build does not know.</summary>
    public const string Unknown = "unknown";
}

/// <summary>
/// One thing that happened in an execution, as the engine reports it and as it travels: the Runner numbers the events
/// of an execution and publishes them (<c>Bus.ExecutionEventMessage</c>), the API applies and stores them and forwards
/// them to live clients (<c>Live.ExecutionEventsMessage</c>), the Web applies them to its page. One record per kind,
/// serialised with System.Text.Json polymorphism: <c>{"kind": "step_finished", "timestamp": ..., ...}</c> (camelCase
/// properties, statuses as wire names, secrets already masked by the engine). An event of a kind this build does not
/// know reads as a plain <see cref="ExecutionEvent"/> (<see cref="Kind"/> <c>unknown</c>) and is ignored, so a newer
/// Runner cannot block an older API.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind", IgnoreUnrecognizedTypeDiscriminators = true)]
[JsonDerivedType(typeof(ExecutionStartedEvent), EventKinds.ExecutionStarted)]
[JsonDerivedType(typeof(ExecutionStatusChangedEvent), EventKinds.StatusChanged)]
[JsonDerivedType(typeof(StepStartedEvent), EventKinds.StepStarted)]
[JsonDerivedType(typeof(StepFinishedEvent), EventKinds.StepFinished)]
[JsonDerivedType(typeof(LogEvent), EventKinds.Log)]
[JsonDerivedType(typeof(DebugPausedEvent), EventKinds.DebugPaused)]
[JsonDerivedType(typeof(ArtifactSavedEvent), EventKinds.ArtifactSaved)]
[JsonDerivedType(typeof(ExecutionFinishedEvent), EventKinds.ExecutionFinished)]
[JsonDerivedType(typeof(PendingStepsEditedEvent), EventKinds.PendingStepsEdited)]
public record ExecutionEvent(DateTimeOffset Timestamp)
{
    /// <summary>The wire discriminator of this event (<see cref="EventKinds"/>).</summary>
    [JsonIgnore]
    public virtual string Kind => EventKinds.Unknown;
}

public sealed record ExecutionStartedEvent(DateTimeOffset Timestamp, string PlaybookName, int StepCount) : ExecutionEvent(Timestamp)
{
    [JsonIgnore]
    public override string Kind => EventKinds.ExecutionStarted;
}

public sealed record ExecutionStatusChangedEvent(DateTimeOffset Timestamp, ExecutionStatus Status, string? Reason) : ExecutionEvent(Timestamp)
{
    [JsonIgnore]
    public override string Kind => EventKinds.StatusChanged;
}

/// <param name="StepPath">Unique path of the step in this execution (<c>child/inner</c> for nested steps).</param>
/// <param name="ParentPath">Path of the calling <c>playbook.run</c> step, or null at top level.</param>
public sealed record StepStartedEvent(
    DateTimeOffset Timestamp, string StepPath, string? ParentPath, string StepId, string StepName, string StepType, int Attempt,
    [property: JsonConverter(typeof(FreeFormMapJsonConverter))] IReadOnlyDictionary<string, object?> Parameters) : ExecutionEvent(Timestamp)
{
    [JsonIgnore]
    public override string Kind => EventKinds.StepStarted;
}

/// <param name="Duration">On the wire <c>durationMs</c>, a number of milliseconds.</param>
public sealed record StepFinishedEvent(
    DateTimeOffset Timestamp, string StepPath, string? ParentPath, string StepId, StepStatus Status,
    [property: JsonConverter(typeof(FreeFormMapJsonConverter))] IReadOnlyDictionary<string, object?> Outputs, string? Error,
    [property: JsonPropertyName("durationMs"), JsonConverter(typeof(MillisecondsJsonConverter))] TimeSpan Duration, int Attempt) : ExecutionEvent(Timestamp)
{
    [JsonIgnore]
    public override string Kind => EventKinds.StepFinished;

    /// <summary>For a top-level step: the playbook's variables after it (secrets masked), what a resume from a later
    /// step starts with; null for nested steps (and from older Runners).</summary>
    [JsonConverter(typeof(FreeFormMapJsonConverter)), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] // absent when null: the wire of nested steps is unchanged
    public IReadOnlyDictionary<string, object?>? Variables { get; init; }
}

public sealed record LogEvent(DateTimeOffset Timestamp, string? StepPath, string Level, string Message) : ExecutionEvent(Timestamp)
{
    [JsonIgnore]
    public override string Kind => EventKinds.Log;
}

/// <summary>Debug mode paused on a failure, a breakpoint or after a step: the captured context.</summary>
public sealed record DebugPausedEvent(
    DateTimeOffset Timestamp, string StepPath, string Reason, string? Error,
    [property: JsonConverter(typeof(FreeFormMapJsonConverter))] IReadOnlyDictionary<string, object?> Parameters,
    [property: JsonConverter(typeof(FreeFormMapJsonConverter))] IReadOnlyDictionary<string, object?> Variables) : ExecutionEvent(Timestamp)
{
    [JsonIgnore]
    public override string Kind => EventKinds.DebugPaused;

    /// <summary>The context without the time: what <c>debug_context</c> holds (REST) and the debug panel shows.</summary>
    [JsonIgnore]
    public DebugContext Context => new(StepPath, Reason, Error, Parameters, Variables);
}

public sealed record ArtifactSavedEvent(
    DateTimeOffset Timestamp, string? StepPath, string Name, string ContentType, long Size, string Sha256, string Path) : ExecutionEvent(Timestamp)
{
    [JsonIgnore]
    public override string Kind => EventKinds.ArtifactSaved;
}

/// <param name="Duration">On the wire <c>durationMs</c>, a number of milliseconds.</param>
public sealed record ExecutionFinishedEvent(
    DateTimeOffset Timestamp, ExecutionStatus Status, string? Error,
    [property: JsonPropertyName("durationMs"), JsonConverter(typeof(MillisecondsJsonConverter))] TimeSpan Duration) : ExecutionEvent(Timestamp)
{
    [JsonIgnore]
    public override string Kind => EventKinds.ExecutionFinished;
}

/// <summary>While paused, the steps not yet run were replaced (edit while paused): who did it, from which top-level
/// step on, the new steps' ids, and the whole playbook text as it now runs (the steps already run unchanged).</summary>
/// <param name="FromIndex">Index of the first replaced top-level step (the steps before it had run).</param>
public sealed record PendingStepsEditedEvent(
    DateTimeOffset Timestamp, string EditedBy, int FromIndex, IReadOnlyList<string> StepIds, string PlaybookYaml) : ExecutionEvent(Timestamp)
{
    [JsonIgnore]
    public override string Kind => EventKinds.PendingStepsEdited;
}

/// <summary>The context of the last debug pause (camelCase JSON, stored as it is and returned as <c>debug_context</c>).</summary>
public sealed record DebugContext(
    string StepPath, string Reason, string? Error,
    [property: JsonConverter(typeof(FreeFormMapJsonConverter))] IReadOnlyDictionary<string, object?> Parameters,
    [property: JsonConverter(typeof(FreeFormMapJsonConverter))] IReadOnlyDictionary<string, object?> Variables);

/// <summary>An event with its number in the execution (1, 2, 3... per execution, in the order the engine reported them).</summary>
public sealed record SequencedEvent(long Sequence, ExecutionEvent Event);
