using IgnitionToolkit.Contracts;
using IgnitionToolkit.Contracts.Events;

namespace IgnitionToolkit.Api.Tests.Infrastructure;

/// <summary>Typed events as a Runner reports them, stamped now (statuses by wire name, durations in milliseconds).</summary>
public static class Events
{
    private static DateTimeOffset Now => DateTimeOffset.UtcNow;

    public static ExecutionStartedEvent ExecutionStarted(string playbook, int steps) => new(Now, playbook, steps);

    public static StepStartedEvent StepStarted(string path, string? parent, string id, string name, string type, int attempt, IReadOnlyDictionary<string, object?> parameters) =>
        new(Now, path, parent, id, name, type, attempt, parameters);

    public static StepFinishedEvent StepFinished(string path, string? parent, string id, string status, IReadOnlyDictionary<string, object?> outputs,
        string? error, double durationMs, int attempt) =>
        new(Now, path, parent, id, WireNames.Parse<StepStatus>(status), outputs, error, TimeSpan.FromMilliseconds(durationMs), attempt);

    public static LogEvent Log(string? path, string level, string message) => new(Now, path, level, message);

    public static DebugPausedEvent DebugPaused(string path, string reason, string? error, IReadOnlyDictionary<string, object?> parameters,
        IReadOnlyDictionary<string, object?> variables) => new(Now, path, reason, error, parameters, variables);

    public static ArtifactSavedEvent ArtifactSaved(string? path, string name, string contentType, long size, string sha256, string file) =>
        new(Now, path, name, contentType, size, sha256, file);

    public static ExecutionFinishedEvent ExecutionFinished(string status, string? error, double durationMs) =>
        new(Now, WireNames.Parse<ExecutionStatus>(status), error, TimeSpan.FromMilliseconds(durationMs));
}
