namespace IgnitionToolkit.Core.Playbooks;

/// <summary>Where something was written in a playbook file (1-based line and column).</summary>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    public static SourceLocation None(string file) => new(file, 0, 0);
    public override string ToString() => Line > 0 ? $"{File}:{Line}:{Column}" : File;
}

public enum ParameterType { String, Integer, Float, Boolean, File, Credential, List, Dict }

public enum FailureAction { Abort, Continue, Rollback }

/// <summary>The playbook's <c>resume:</c> field. <see cref="Auto"/>: safe to resume without a person, so when its Runner
/// dies mid-run the API resumes it from the last completed step on another Runner (docs/operations.md).</summary>
public enum ResumePolicy { Manual, Auto }

/// <summary>A parsed playbook (format v3; v2 files are read into the same model).</summary>
public sealed record Playbook(
    string Name,
    string Version,
    string? Description,
    IReadOnlyList<PlaybookParameter> Parameters,
    IReadOnlyList<PlaybookStep> Steps,
    IReadOnlyDictionary<string, object?> Metadata,
    string SourcePath)
{
    /// <summary><c>resume: auto | manual</c> (default manual: an interrupted execution stays interrupted).</summary>
    public ResumePolicy Resume { get; init; } = ResumePolicy.Manual;
}

public sealed record PlaybookParameter(
    string Name,
    ParameterType Type,
    bool Required,
    object? Default,
    string? Description,
    SourceLocation Location);

/// <summary>One step. <see cref="Type"/> is the canonical v3 name (aliases already resolved);
/// <see cref="Parameters"/> holds raw values that may contain templates.</summary>
public sealed record PlaybookStep(
    string Id,
    string Name,
    string Type,
    IReadOnlyDictionary<string, object?> Parameters,
    FailureAction OnFailure,
    TimeSpan Timeout,
    int RetryCount,
    TimeSpan RetryDelay,
    SourceLocation Location)
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(300);
    public static readonly TimeSpan DefaultRetryDelay = TimeSpan.FromSeconds(5);

    /// <summary>Location of each parameter value, by parameter name, for precise error messages.</summary>
    public IReadOnlyDictionary<string, SourceLocation> ParameterLocations { get; init; } =
        new Dictionary<string, SourceLocation>();
}
