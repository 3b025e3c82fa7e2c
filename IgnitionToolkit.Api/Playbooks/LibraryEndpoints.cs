using IgnitionToolkit.Api.Audit;
using IgnitionToolkit.Api.Auth;
using IgnitionToolkit.Api.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IgnitionToolkit.Api.Playbooks;

/// <summary><c>/api/v1/library</c>: export (zip) and import (preview, then a choice per conflict), verification marks,
/// copy (duplicate) and move (rename) of playbooks.</summary>
public static class LibraryEndpoints
{
    public static RouteGroupBuilder MapLibraryEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/library").WithTags("Library").RequireViewer();
        group.MapGet("/export", (string? path, string? folder, PlaybookExporter exporter, CurrentUser user, CancellationToken ct) =>
            exporter.ExportAsync(path, folder, user.Name, ct)).WithName("ExportLibrary");
        group.MapPost("/import/preview", (ImportRequest request, PlaybookImporter importer, CancellationToken ct) => importer.PreviewAsync(request, ct))
            .WithName("PreviewImport").RequireOperator().NotAudited("reads the uploaded file; nothing is stored");
        group.MapPost("/import", (ImportRequest request, PlaybookImporter importer, CancellationToken ct) => importer.ImportAsync(request, ct))
            .WithName("ImportLibrary").RequireOperator()
            .Audited<ImportResult>("library.imported", "library", c => c.Entry with
            {
                TargetId = c.Value.FileName,
                Detail = Truncate($"{c.Value.WrittenCount} written: " + string.Join(", ", c.Value.Items.Where(i => i.WrittenPath is not null).Select(i => $"{i.WrittenPath} ({i.Action})"))),
            });
        group.MapPost("/verifications/{*path}", Verify).WithName("VerifyPlaybook").RequireOperator()
            .Audited<VerificationDto>("playbook.verified", "playbook", c => c.Entry with { Detail = "sha256 " + c.Value.ContentHash }, targetRouteValue: "path");
        group.MapDelete("/verifications/{*path}", Unverify).WithName("UnverifyPlaybook").RequireOperator()
            .Audited("playbook.unverified", "playbook", targetRouteValue: "path");
        group.MapPost("/copy", Copy).WithName("CopyPlaybook").RequireOperator()
            .Audited<CopyMoveResult>("playbook.duplicated", "playbook", c => c.Entry with { TargetId = c.Value.To, Detail = "from " + c.Value.From });
        group.MapPost("/move", Move).WithName("MovePlaybook").RequireOperator()
            .Audited<CopyMoveResult>("playbook.moved", "playbook", c => c.Entry with { TargetId = c.Value.To, Detail = "from " + c.Value.From });
        return api;
    }

    private static string Truncate(string text) => text.Length > 1000 ? text[..1000] + "…" : text;

    private static async Task<Results<Ok<VerificationDto>, ProblemHttpResult>> Verify(
        string path, PlaybookLibrary library, PlaybookVerifications verifications, CurrentUser user, CancellationToken ct)
    {
        if (library.TryNormalize(path, out var relative) is { } error) return ApiProblems.BadRequest(error, "path");
        if (await library.ReadAsync(relative, ct) is not { } yaml) return ApiProblems.NotFound($"playbook '{relative}' does not exist");
        return TypedResults.Ok(await verifications.VerifyAsync(relative, yaml, user.Name, ct));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Unverify(string path, PlaybookLibrary library, PlaybookVerifications verifications, CancellationToken ct)
    {
        if (library.TryNormalize(path, out var relative) is { } error) return ApiProblems.BadRequest(error, "path");
        if (!library.Exists(relative)) return ApiProblems.NotFound($"playbook '{relative}' does not exist");
        await verifications.UnverifyAsync(relative, ct);
        return TypedResults.NoContent();
    }

    /// <summary>Copies a playbook (local or from a git source) to a new local path; the copy is not verified.</summary>
    private static async Task<Results<Created<CopyMoveResult>, ProblemHttpResult>> Copy(CopyMoveRequest request, PlaybookLibrary library, CancellationToken ct)
    {
        if (Check(request, library) is { } problem) return problem;
        var (from, to) = Paths(request, library);
        await library.WriteAsync(to, (await library.ReadAsync(from, ct))!, ct);
        return TypedResults.Created($"/api/v1/playbooks/{to}", new CopyMoveResult(from, to, null));
    }

    /// <summary>Moves (renames) a local playbook; the original is backed up first and its verification mark moves with it.</summary>
    private static async Task<Results<Ok<CopyMoveResult>, ProblemHttpResult>> Move(
        CopyMoveRequest request, PlaybookLibrary library, PlaybookVerifications verifications, CancellationToken ct)
    {
        if (Check(request, library) is { } problem) return problem;
        var (from, to) = Paths(request, library);
        if (library.ReadOnlyReason(from) is { } readOnly) return ApiProblems.Conflict(readOnly);
        var backup = library.Backup(from);
        await library.WriteAsync(to, (await library.ReadAsync(from, ct))!, ct);
        library.Delete(from);
        await verifications.MoveAsync(from, to, ct);
        return TypedResults.Ok(new CopyMoveResult(from, to, backup));
    }

    private static ProblemHttpResult? Check(CopyMoveRequest request, PlaybookLibrary library)
    {
        if (library.TryNormalize(request.From, out var from) is { } fromError) return ApiProblems.BadRequest(fromError, "from");
        if (library.TryNormalize(request.To, out var to) is { } toError) return ApiProblems.BadRequest(toError, "to");
        if (!library.Exists(from)) return ApiProblems.NotFound($"playbook '{from}' does not exist");
        if (library.ReadOnlyReason(to) is { } readOnly) return ApiProblems.Conflict(readOnly);
        if (library.Exists(to)) return ApiProblems.Conflict($"playbook '{to}' already exists");
        return null;
    }

    private static (string From, string To) Paths(CopyMoveRequest request, PlaybookLibrary library)
    {
        library.TryNormalize(request.From, out var from);
        library.TryNormalize(request.To, out var to);
        return (from, to);
    }
}
