using IgnitionToolkit.Api.Audit;
using IgnitionToolkit.Api.Auth;
using IgnitionToolkit.Api.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IgnitionToolkit.Api.Playbooks;

/// <summary><c>/api/v1/playbooks</c>: the playbook library (list, get, create, update with backup, delete, validate).
/// Playbooks of a git source are read-only here (409); export, import, verification, copy and move are <see cref="LibraryEndpoints"/>.</summary>
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

    /// <summary>Lists the library (git sources included). <c>search</c> matches path, name, description, tags and step
    /// types; <c>tag</c>, <c>step_type</c>, <c>category</c>, <c>source</c> (<c>local</c> or a git source) and <c>state</c>
    /// (<c>verified</c>, <c>changed</c>, <c>unverified</c>, <c>disabled</c>, <c>enabled</c>, <c>invalid</c>, <c>read_only</c>) narrow it.</summary>
    private static async Task<Ok<IReadOnlyList<PlaybookSummary>>> List(
        PlaybookCatalog catalog, string? category, string? search, string? tag,
        [Microsoft.AspNetCore.Mvc.FromQuery(Name = "step_type")] string? stepType, string? source, string? state, CancellationToken ct) =>
        TypedResults.Ok(await catalog.ListAsync(new PlaybookFilter(search, tag, stepType, category, source, state), ct));

    private static async Task<Results<Ok<PlaybookDetail>, ProblemHttpResult>> Get(
        string path, PlaybookLibrary library, PlaybookValidator validator, PlaybookCatalog catalog, CancellationToken ct)
    {
        if (library.TryNormalize(path, out var relative) is { } error) return ApiProblems.BadRequest(error, "path");
        var loaded = await validator.LoadFileAsync(relative, ct);
        if (loaded is null) return ApiProblems.NotFound($"playbook '{relative}' does not exist");
        var (yaml, result) = loaded.Value;
        return TypedResults.Ok(PlaybookDtoMapping.ToDetail(relative, yaml, result) with { Summary = await catalog.SummaryAsync(relative, yaml, result, ct) });
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
        if (library.ReadOnlyReason(relative) is { } readOnly) return ApiProblems.Conflict(readOnly);
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
        if (library.ReadOnlyReason(relative) is { } readOnly) return ApiProblems.Conflict(readOnly);
        var result = validator.Validate(request.Yaml!, relative);
        if (!result.IsValid)
            return ApiProblems.Invalid($"playbook '{relative}' is invalid ({result.Errors.Count()} error(s))", DiagnosticDto.From(result.Diagnostics));
        var backup = library.Backup(relative);
        await library.WriteAsync(relative, request.Yaml!, ct);
        return TypedResults.Ok(new PlaybookSaved(PlaybookDtoMapping.ToSummary(relative, result), DiagnosticDto.From(result.Diagnostics), backup));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(string path, PlaybookLibrary library, PlaybookVerifications verifications, CancellationToken ct)
    {
        if (library.TryNormalize(path, out var relative) is { } error) return ApiProblems.BadRequest(error, "path");
        if (!library.Exists(relative)) return ApiProblems.NotFound($"playbook '{relative}' does not exist");
        if (library.ReadOnlyReason(relative) is { } readOnly) return ApiProblems.Conflict(readOnly);
        library.Backup(relative);
        library.Delete(relative);
        await verifications.UnverifyAsync(relative, ct);
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
