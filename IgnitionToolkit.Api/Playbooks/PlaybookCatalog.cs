using IgnitionToolkit.Api.Persistence.Entities;
using IgnitionToolkit.Core.Playbooks;

namespace IgnitionToolkit.Api.Playbooks;

/// <summary>Filters of <c>GET /api/v1/playbooks</c>: free text (path, name, description, tags, step types), one tag,
/// one step type, a category (first folder), a source (<c>local</c> or a git source's name), a verification state.</summary>
public sealed record PlaybookFilter(string? Search, string? Tag, string? StepType, string? Category, string? Source, string? State);

/// <summary>The library's playbooks as listed: each summary with where it comes from (local folder or git source and
/// commit), whether it can be edited, and its verification state for its current text.</summary>
public sealed class PlaybookCatalog(PlaybookLibrary library, PlaybookValidator validator, PlaybookVerifications verifications)
{
    public async Task<IReadOnlyList<PlaybookSummary>> ListAsync(PlaybookFilter filter, CancellationToken ct)
    {
        var marks = await verifications.AllAsync(ct);
        var summaries = new List<PlaybookSummary>();
        foreach (var path in library.List())
        {
            if (filter.Category is not null && !string.Equals(PlaybookLibrary.CategoryOf(path), filter.Category, StringComparison.OrdinalIgnoreCase)) continue;
            var loaded = await validator.LoadFileAsync(path, ct);
            if (loaded is null) continue;
            var summary = Describe(path, loaded.Value.Yaml, loaded.Value.Result, marks.GetValueOrDefault(path));
            if (Matches(summary, filter)) summaries.Add(summary);
        }
        return summaries;
    }

    public async Task<PlaybookSummary> SummaryAsync(string path, string yaml, PlaybookLoadResult result, CancellationToken ct) =>
        Describe(path, yaml, result, null) with { Verification = await verifications.StateAsync(path, yaml, ct) };

    public PlaybookSummary Describe(string path, string yaml, PlaybookLoadResult result, PlaybookVerificationRecord? mark)
    {
        var mount = library.MountOf(path);
        return PlaybookDtoMapping.ToSummary(path, result) with
        {
            Source = mount?.Name,
            Commit = mount?.Commit,
            ReadOnly = mount is not null,
            Verification = PlaybookVerifications.StateOf(yaml, mark),
        };
    }

    private static bool Matches(PlaybookSummary s, PlaybookFilter f)
    {
        if (f.Tag is { Length: > 0 } tag && !s.Tags.Contains(tag, StringComparer.OrdinalIgnoreCase)) return false;
        if (f.StepType is { Length: > 0 } type && !(s.StepTypes ?? []).Any(t => t.Equals(type, StringComparison.OrdinalIgnoreCase))) return false;
        if (f.Source is { Length: > 0 } source && !string.Equals(s.Source ?? "local", source, StringComparison.OrdinalIgnoreCase)) return false;
        if (f.State is { Length: > 0 } state && !StateMatches(s, state)) return false;
        if (f.Search is not { Length: > 0 } search) return true;
        return s.Path.Contains(search, StringComparison.OrdinalIgnoreCase)
            || s.Name.Contains(search, StringComparison.OrdinalIgnoreCase)
            || (s.Description?.Contains(search, StringComparison.OrdinalIgnoreCase) ?? false)
            || s.Tags.Any(t => t.Contains(search, StringComparison.OrdinalIgnoreCase))
            || (s.StepTypes ?? []).Any(t => t.Contains(search, StringComparison.OrdinalIgnoreCase));
    }

    private static bool StateMatches(PlaybookSummary s, string state) => state.ToLowerInvariant() switch
    {
        "disabled" => PlaybookDtoMapping.IsDisabled(s.Metadata),
        "enabled" => !PlaybookDtoMapping.IsDisabled(s.Metadata),
        "invalid" => !s.Valid,
        "read_only" => s.ReadOnly,
        var v => s.Verification?.State == v,
    };
}
