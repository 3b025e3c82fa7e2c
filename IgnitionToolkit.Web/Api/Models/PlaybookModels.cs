using System.Text.Json;

namespace IgnitionToolkit.Web.Api.Models;

public sealed record PlaybookSummaryModel(
    string Path, string Name, string? Version, string? Description, string? Category, IReadOnlyList<string> Tags,
    Dictionary<string, JsonElement>? Metadata, int ParameterCount, int StepCount, bool Valid, int ErrorCount, int WarningCount,
    string? Domain = null, string? Group = null, bool? Verified = null,
    string? Source = null, string? Commit = null, bool ReadOnly = false, VerificationModel? Verification = null, IReadOnlyList<string>? StepTypes = null)
{
    /// <summary>Verified for its current text (a mark in the toolkit; the v5 YAML <c>verified:</c> field is <see cref="Verified"/>).</summary>
    public bool IsVerified => Verification?.State == VerificationModel.VerifiedState;

    /// <summary>Verified once, changed since (edited here or upstream).</summary>
    public bool ChangedSinceVerified => Verification?.State == VerificationModel.ChangedState;

    public string? ShortCommit => Commit is { Length: > 7 } c ? c[..7] : Commit;
}

public sealed record VerificationModel(string State, string? VerifiedBy, DateTimeOffset? VerifiedAt, string ContentHash, string? VerifiedHash)
{
    public const string VerifiedState = "verified";
    public const string ChangedState = "changed";
}

public sealed record PlaybookParameterModel(string Name, string Type, bool Required, JsonElement? Default, string? Description);

public sealed record PlaybookStepModel(string Id, string Name, string Type, string OnFailure, double TimeoutSeconds, int RetryCount);

public sealed record Diagnostic(string Severity, string? File, int? Line, int? Column, string? Field, string Message)
{
    public bool IsError => string.Equals(Severity, "error", StringComparison.OrdinalIgnoreCase);

    public string Location => Line is { } l ? (Column is { } c ? $"line {l}, column {c}" : $"line {l}") : Field ?? "playbook";
}

public sealed record PlaybookDetailModel(
    PlaybookSummaryModel Summary, string Yaml, IReadOnlyList<PlaybookParameterModel> Parameters, IReadOnlyList<PlaybookStepModel> Steps,
    IReadOnlyList<Diagnostic> Diagnostics);

public sealed record ValidationResult(bool Valid, IReadOnlyList<Diagnostic> Diagnostics);

public sealed record PlaybookSavedModel(PlaybookSummaryModel Summary, IReadOnlyList<Diagnostic> Diagnostics, string? BackupPath);

/// <summary>The steps a paused execution has not run yet (<c>GET /executions/{id}/pending-steps</c>).</summary>
public sealed record PendingStepsInfo(Guid ExecutionId, int FromIndex, string? FromStepId, IReadOnlyList<string> DoneSteps, string Yaml, bool Edited);
