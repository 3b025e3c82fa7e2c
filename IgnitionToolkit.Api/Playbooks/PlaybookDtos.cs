using IgnitionToolkit.Api.Problems;
using IgnitionToolkit.Core.Execution;
using IgnitionToolkit.Core.Playbooks;
using IgnitionToolkit.Contracts;

namespace IgnitionToolkit.Api.Playbooks;

public sealed record PlaybookSummary(
    string Path, string Name, string? Version, string? Description, string? Category,
    IReadOnlyList<string> Tags, IReadOnlyDictionary<string, object?> Metadata,
    int ParameterCount, int StepCount, bool Valid, int ErrorCount, int WarningCount,
    string? Domain, string? Group, bool? Verified,
    string? Source = null, string? Commit = null, bool ReadOnly = false, VerificationDto? Verification = null,
    IReadOnlyList<string>? StepTypes = null);

public sealed record PlaybookParameterDto(string Name, string Type, bool Required, object? Default, string? Description);

public sealed record PlaybookStepDto(string Id, string Name, string Type, string OnFailure, double TimeoutSeconds, int RetryCount);

public sealed record PlaybookDetail(
    PlaybookSummary Summary, string Yaml, IReadOnlyList<PlaybookParameterDto> Parameters,
    IReadOnlyList<PlaybookStepDto> Steps, IReadOnlyList<DiagnosticDto> Diagnostics);

public sealed record CreatePlaybookRequest(string? Path, string? Yaml);

public sealed record UpdatePlaybookRequest(string? Yaml);

public sealed record ValidatePlaybookRequest(string? Yaml, string? Path);

public sealed record ValidationResponse(bool Valid, IReadOnlyList<DiagnosticDto> Diagnostics);

public sealed record PlaybookSaved(PlaybookSummary Summary, IReadOnlyList<DiagnosticDto> Diagnostics, string? BackupPath);

public static class PlaybookDtoMapping
{
    public static PlaybookSummary ToSummary(string path, PlaybookLoadResult result)
    {
        var playbook = result.Playbook;
        var metadata = playbook?.Metadata ?? new Dictionary<string, object?>();
        return new PlaybookSummary(
            path,
            playbook?.Name ?? System.IO.Path.GetFileNameWithoutExtension(path),
            playbook?.Version, playbook?.Description, PlaybookLibrary.CategoryOf(path),
            Tags(metadata), metadata,
            playbook?.Parameters.Count ?? 0, playbook?.Steps.Count ?? 0,
            result.IsValid, result.Errors.Count(), result.Warnings.Count(),
            Text(metadata, "domain") ?? DomainOf(path), Text(metadata, "group"), metadata.GetValueOrDefault("verified") as bool?,
            StepTypes: playbook?.Steps.Select(s => s.Type).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList() ?? []);
    }

    public static PlaybookDetail ToDetail(string path, string yaml, PlaybookLoadResult result) => new(
        ToSummary(path, result), yaml,
        result.Playbook?.Parameters.Select(p => new PlaybookParameterDto(
            p.Name, p.Type.ToWire(), p.Required, p.Default, p.Description)).ToList() ?? [],
        result.Playbook?.Steps.Select(s => new PlaybookStepDto(
            s.Id, s.Name, s.Type, s.OnFailure.ToWire(), s.Timeout.TotalSeconds, s.RetryCount)).ToList() ?? [],
        DiagnosticDto.From(result.Diagnostics));

    /// <summary>The section a playbook shows in: its <c>domain</c> (v4/v5 top-level field), else its first folder when that
    /// names one (<c>gateway/</c>, <c>perspective/</c> or <c>browser/</c>, <c>designer/</c>), as the original toolkit did.</summary>
    private static string? DomainOf(string path) => path.Split('/')[0] switch
    {
        "gateway" => "gateway",
        "perspective" or "browser" => "perspective",
        "designer" => "designer",
        _ => null,
    };

    private static string? Text(IReadOnlyDictionary<string, object?> metadata, string key) =>
        metadata.GetValueOrDefault(key) is string s && !string.IsNullOrWhiteSpace(s) ? s.Trim() : null;

    /// <summary><c>metadata.enabled: false</c> disables a playbook: it is listed but cannot be started.</summary>
    public static bool IsDisabled(IReadOnlyDictionary<string, object?> metadata) =>
        metadata.TryGetValue("enabled", out var enabled) && enabled is false || enabled is string s && s.Equals("false", StringComparison.OrdinalIgnoreCase);

    private static IReadOnlyList<string> Tags(IReadOnlyDictionary<string, object?> metadata) =>
        metadata.TryGetValue("tags", out var tags) ? tags switch
        {
            string s => s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            IEnumerable<object?> list => list.Where(t => t is not null).Select(t => t!.ToString()!).ToList(),
            _ => [],
        } : [];
}
