using IgnitionToolkit.Api.Audit;
using IgnitionToolkit.Api.Auth;
using IgnitionToolkit.Api.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IgnitionToolkit.Api.Playbooks;

/// <summary><c>/api/v1/playbooks</c>: the playbook library (list, get, create, update with backup, delete, validate).</summary>
public static class PlaybookEndpoints
{
    public static RouteGroupBuilder MapPlaybookEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/playbooks").WithTags("Playbooks").RequireViewer();
        group.MapGet("/", List).WithName("ListPlaybooks");
        group.MapPost("/validate", Validate).WithName("ValidatePlaybook").RequireOperator().NotAudited("validates a text; nothing is stored");
        group.MapGet("/{*path}", Get).WithName("GetPlaybook");
        group.MapPost("/", Create).WithName("CreatePlaybook").RequireOperator()
            .Audited<PlaybookSaved>("playbook.created", "playbook", PlaybookAudit.CreatedOrImported);
        group.MapPut("/{*path}", Update).WithName("UpdatePlaybook").RequireOperator()
            .Audited<PlaybookSaved>("playbook.changed", "playbook", PlaybookAudit.ChangedEnabledOrDisabled, targetRouteValue: "path", before: PlaybookAudit.WasEnabledAsync);
        group.MapDelete("/{*path}", Delete).WithName("DeletePlaybook").RequireOperator().Audited("playbook.deleted", "playbook", targetRouteValue: "path");
        return api;
    }

    private static async Task<Ok<IReadOnlyList<PlaybookSummary>>> List(
        PlaybookLibrary library, PlaybookValidator validator, string? category, string? search, CancellationToken ct)
    {
        var summaries = new List<PlaybookSummary>();
        foreach (var path in library.List())
        {
            if (category is not null && !string.Equals(PlaybookLibrary.CategoryOf(path), category, StringComparison.OrdinalIgnoreCase))
                continue;
            var loaded = await validator.LoadFileAsync(path, ct);
            if (loaded is null) continue;
            var summary = PlaybookDtoMapping.ToSummary(path, loaded.Value.Result);
            if (search is null || Matches(summary, search)) summaries.Add(summary);
        }
        return TypedResults.Ok<IReadOnlyList<PlaybookSummary>>(summaries);
    }

    private static bool Matches(PlaybookSummary s, string search) =>
        s.Path.Contains(search, StringComparison.OrdinalIgnoreCase)
        || s.Name.Contains(search, StringComparison.OrdinalIgnoreCase)
        || (s.Description?.Contains(search, StringComparison.OrdinalIgnoreCase) ?? false)
        || s.Tags.Any(t => t.Contains(search, StringComparison.OrdinalIgnoreCase));

    private static async Task<Results<Ok<PlaybookDetail>, ProblemHttpResult>> Get(
        string path, PlaybookLibrary library, PlaybookValidator validator, CancellationToken ct)
    {
        if (library.TryNormalize(path, out var relative) is { } error) return ApiProblems.BadRequest(error, "path");
        var loaded = await validator.LoadFileAsync(relative, ct);
        if (loaded is null) return ApiProblems.NotFound($"playbook '{relative}' does not exist");
        return TypedResults.Ok(PlaybookDtoMapping.ToDetail(relative, loaded.Value.Yaml, loaded.Value.Result));
    }

    private static Results<Ok<ValidationResponse>, ProblemHttpResult> Validate(
        ValidatePlaybookRequest request, PlaybookLibrary library, PlaybookValidator validator)
    {
        if (CheckYaml(request.Yaml) is { } yamlError) return yamlError;
        var relative = "playbook.yaml";
        if (request.Path is not null && library.TryNormalize(request.Path, out relative) is { } error)
            return ApiProblems.BadRequest(error, "path");
        var result = validator.Validate(request.Yaml!, relative);
        return TypedResults.Ok(new ValidationResponse(result.IsValid, DiagnosticDto.From(result.Diagnostics)));
    }

    private static async Task<Results<Created<PlaybookSaved>, ProblemHttpResult>> Create(
        CreatePlaybookRequest request, PlaybookLibrary library, PlaybookValidator validator, CancellationToken ct)
    {
        if (library.TryNormalize(request.Path, out var relative) is { } error) return ApiProblems.BadRequest(error, "path");
        if (CheckYaml(request.Yaml) is { } yamlError) return yamlError;
        if (library.Exists(relative)) return ApiProblems.Conflict($"playbook '{relative}' already exists; use PUT to update it");
        var result = validator.Validate(request.Yaml!, relative);
        if (!result.IsValid)
            return ApiProblems.Invalid($"playbook '{relative}' is invalid ({result.Errors.Count()} error(s))", DiagnosticDto.From(result.Diagnostics));
        await library.WriteAsync(relative, request.Yaml!, ct);
        var saved = new PlaybookSaved(PlaybookDtoMapping.ToSummary(relative, result), DiagnosticDto.From(result.Diagnostics), null);
        return TypedResults.Created($"/api/v1/playbooks/{relative}", saved);
    }

    private static async Task<Results<Ok<PlaybookSaved>, ProblemHttpResult>> Update(
        string path, UpdatePlaybookRequest request, PlaybookLibrary library, PlaybookValidator validator, CancellationToken ct)
    {
        if (library.TryNormalize(path, out var relative) is { } error) return ApiProblems.BadRequest(error, "path");
        if (CheckYaml(request.Yaml) is { } yamlError) return yamlError;
        if (!library.Exists(relative)) return ApiProblems.NotFound($"playbook '{relative}' does not exist; use POST to create it");
        var result = validator.Validate(request.Yaml!, relative);
        if (!result.IsValid)
            return ApiProblems.Invalid($"playbook '{relative}' is invalid ({result.Errors.Count()} error(s))", DiagnosticDto.From(result.Diagnostics));
        var backup = library.Backup(relative);
        await library.WriteAsync(relative, request.Yaml!, ct);
        return TypedResults.Ok(new PlaybookSaved(PlaybookDtoMapping.ToSummary(relative, result), DiagnosticDto.From(result.Diagnostics), backup));
    }

    private static Results<NoContent, ProblemHttpResult> Delete(string path, PlaybookLibrary library)
    {
        if (library.TryNormalize(path, out var relative) is { } error) return ApiProblems.BadRequest(error, "path");
        if (!library.Exists(relative)) return ApiProblems.NotFound($"playbook '{relative}' does not exist");
        library.Backup(relative);
        library.Delete(relative);
        return TypedResults.NoContent();
    }

    private static ProblemHttpResult? CheckYaml(string? yaml)
    {
        if (string.IsNullOrWhiteSpace(yaml)) return ApiProblems.BadRequest("yaml is required", "yaml");
        if (yaml.Length > PlaybookLibrary.MaxFileBytes)
            return ApiProblems.BadRequest($"yaml is larger than {PlaybookLibrary.MaxFileBytes} bytes", "yaml");
        return null;
    }
}
