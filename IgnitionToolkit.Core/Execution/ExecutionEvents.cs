namespace IgnitionToolkit.Core.Execution;

/// <summary>What the engine reports while it runs. The Runner numbers these per execution and publishes them on the bus.</summary>
public abstract record EngineEvent(DateTimeOffset Timestamp);

public sealed record ExecutionStartedEvent(DateTimeOffset Timestamp, string PlaybookName, int StepCount) : EngineEvent(Timestamp);

public sealed record ExecutionStatusChangedEvent(DateTimeOffset Timestamp, ExecutionStatus Status, string? Reason) : EngineEvent(Timestamp);

/// <param name="StepPath">Unique path of the step in this execution (<c>child/inner</c> for nested steps).</param>
/// <param name="ParentPath">Path of the calling <c>playbook.run</c> step, or null at top level.</param>
public sealed record StepStartedEvent(
    DateTimeOffset Timestamp, string StepPath, string? ParentPath, string StepId, string StepName, string StepType,
    int Attempt, IReadOnlyDictionary<string, object?> Parameters) : EngineEvent(Timestamp);

public sealed record StepFinishedEvent(
    DateTimeOffset Timestamp, string StepPath, string? ParentPath, string StepId, StepStatus Status,
    IReadOnlyDictionary<string, object?> Outputs, string? Error, TimeSpan Duration, int Attempt) : EngineEvent(Timestamp);

public sealed record LogEvent(DateTimeOffset Timestamp, string? StepPath, string Level, string Message) : EngineEvent(Timestamp);

/// <summary>Debug mode paused on a failure or breakpoint: the captured context.</summary>
public sealed record DebugPausedEvent(
    DateTimeOffset Timestamp, string StepPath, string Reason, string? Error,
    IReadOnlyDictionary<string, object?> Parameters, IReadOnlyDictionary<string, object?> Variables) : EngineEvent(Timestamp);

public sealed record ArtifactSavedEvent(
    DateTimeOffset Timestamp, string? StepPath, string Name, string ContentType, long Size, string Sha256, string Path) : EngineEvent(Timestamp);

public sealed record ExecutionFinishedEvent(DateTimeOffset Timestamp, ExecutionStatus Status, string? Error, TimeSpan Duration) : EngineEvent(Timestamp);

/// <summary>Receives engine events in order. Implementations must not throw.</summary>
public interface IExecutionObserver
{
    ValueTask OnEventAsync(EngineEvent engineEvent, CancellationToken cancellationToken);
}
