using IgnitionToolkit.Api.Audit;
using IgnitionToolkit.Api.Auth;
using IgnitionToolkit.Api.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IgnitionToolkit.Api.Library;

/// <summary><c>/api/v1/library/sources</c>: git repositories the library follows (admins configure them; operators pull).</summary>
public static class LibrarySourceEndpoints
{
    public static RouteGroupBuilder MapLibrarySourceEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/library/sources").WithTags("Library sources").RequireViewer();
        group.MapGet("/", (LibrarySources sources, CancellationToken ct) => sources.ListAsync(ct)).WithName("ListLibrarySources");
        group.MapGet("/{name}", Get).WithName("GetLibrarySource");
        group.MapPost("/", (LibrarySourceRequest request, LibrarySources sources, CurrentUser user, CancellationToken ct) => sources.CreateAsync(request, user.Name, ct))
            .WithName("CreateLibrarySource").RequireAdmin()
            .Audited<LibrarySourceDto>("library_source.created", "library_source", c => c.Entry with { TargetId = c.Value.Name, Detail = c.Value.Url });
        group.MapPut("/{name}", (string name, LibrarySourceRequest request, LibrarySources sources, CancellationToken ct) => sources.UpdateAsync(name, request, ct))
            .WithName("UpdateLibrarySource").RequireAdmin().Audited("library_source.changed", "library_source", targetRouteValue: "name");
        group.MapDelete("/{name}", (string name, LibrarySources sources, CancellationToken ct) => sources.DeleteAsync(name, ct))
            .WithName("DeleteLibrarySource").RequireAdmin().Audited("library_source.deleted", "library_source", targetRouteValue: "name");
        group.MapPost("/{name}/pull", Pull).WithName("PullLibrarySource").RequireOperator()
            .Audited<LibrarySourceDto>("library_source.pulled", "library_source", c => c.Entry with { Detail = c.Value.Commit }, targetRouteValue: "name");
        group.MapPost("/{name}/fetch", Fetch).WithName("FetchLibrarySource").RequireOperator()
            .NotAudited("fetches upstream to show the updates; the library keeps its revision");
        group.MapGet("/{name}/diff", Diff).WithName("DiffLibrarySource");
        return api;
    }

    private static async Task<Results<Ok<LibrarySourceDto>, ProblemHttpResult>> Get(string name, LibrarySources sources, LibrarySync sync, CancellationToken ct) =>
        await sources.FindAsync(name, ct) is { } record ? TypedResults.Ok(sync.Describe(record)) : ApiProblems.NotFound($"library source '{name}' does not exist");

    /// <summary>Fetches and moves the library to the upstream revision. A failure answers 502 with the reason; the library keeps its revision.</summary>
    private static async Task<Results<Ok<LibrarySourceDto>, ProblemHttpResult>> Pull(string name, LibrarySources sources, LibrarySync sync, CancellationToken ct)
    {
        if (await sources.FindAsync(name, ct) is not { } record) return ApiProblems.NotFound($"library source '{name}' does not exist");
        return await sync.PullAsync(record, ct) ? TypedResults.Ok(sync.Describe(record)) : Failed(record.Name, record.LastError, record.PulledCommit);
    }

    private static async Task<Results<Ok<LibrarySourceDto>, ProblemHttpResult>> Fetch(string name, LibrarySources sources, LibrarySync sync, CancellationToken ct)
    {
        if (await sources.FindAsync(name, ct) is not { } record) return ApiProblems.NotFound($"library source '{name}' does not exist");
        return await sync.FetchAsync(record, ct) ? TypedResults.Ok(sync.Describe(record)) : Failed(record.Name, record.LastError, record.PulledCommit);
    }

    private static async Task<Results<Ok<UpstreamDiffDto>, ProblemHttpResult>> Diff(string name, string? path, LibrarySources sources, LibrarySync sync, CancellationToken ct)
    {
        if (await sources.FindAsync(name, ct) is not { } record) return ApiProblems.NotFound($"library source '{name}' does not exist");
        if (string.IsNullOrWhiteSpace(path)) return ApiProblems.BadRequest("path is required: a playbook path inside the source (as listed in updates)", "path");
        var checkout = sync.CheckoutOf(record);
        if (!checkout.Exists) return ApiProblems.Conflict($"library source '{name}' has not been cloned yet");
        var relative = path.StartsWith(name + "/", StringComparison.Ordinal) ? path[(name.Length + 1)..] : path;
        var change = checkout.Changes(record.Branch, record.SubFolder).FirstOrDefault(c => c.Path == relative || c.OldPath == relative);
        if (change is null) return ApiProblems.NotFound($"'{relative}' has no change upstream in library source '{name}'");
        return TypedResults.Ok(new UpstreamDiffDto(change.Path, checkout.Diff(record.Branch, record.SubFolder, change.Path)
            + (change.OldPath is { } old ? checkout.Diff(record.Branch, record.SubFolder, old) : "")));
    }

    private static ProblemHttpResult Failed(string name, string? reason, string? kept) => TypedResults.Problem(
        statusCode: StatusCodes.Status502BadGateway, title: "Bad Gateway",
        detail: $"library source '{name}' could not be updated: {reason}; the library keeps revision {kept?[..Math.Min(12, kept.Length)] ?? "(none)"}");
}
