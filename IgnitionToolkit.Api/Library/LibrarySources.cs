using System.Text.RegularExpressions;
using IgnitionToolkit.Api.Credentials;
using IgnitionToolkit.Api.Persistence;
using IgnitionToolkit.Api.Persistence.Entities;
using IgnitionToolkit.Api.Playbooks;
using IgnitionToolkit.Api.Problems;
using IgnitionToolkit.Core.Configuration;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IgnitionToolkit.Api.Library;

/// <summary>The git sources of the library: their settings (checked here), their checkouts (<see cref="LibrarySync"/>)
/// and the mounts that make their playbooks appear under <c>&lt;name&gt;/</c>.</summary>
public sealed partial class LibrarySources(
    ToolkitDbContext db, LibrarySync sync, PlaybookLibrary library, CredentialVault vault, TimeProvider clock)
{
    public const int DefaultIntervalMinutes = 15;
    public const int MaxIntervalMinutes = 1440;

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_\-]{0,63}$")]
    private static partial Regex ValidName();

    public async Task<IReadOnlyList<LibrarySourceDto>> ListAsync(CancellationToken ct) =>
        (await db.LibrarySources.AsNoTracking().OrderBy(s => s.Name).ToListAsync(ct)).Select(sync.Describe).ToList();

    public Task<LibrarySourceRecord?> FindAsync(string name, CancellationToken ct) =>
        db.LibrarySources.FirstOrDefaultAsync(s => s.Name == name, ct);

    public async Task<Results<Created<LibrarySourceDto>, ProblemHttpResult>> CreateAsync(LibrarySourceRequest request, string user, CancellationToken ct)
    {
        if (await CheckAsync(request, null, ct) is { } problem) return problem;
        if (await FindAsync(request.Name!, ct) is not null) return ApiProblems.Conflict($"library source '{request.Name}' already exists");
        var record = new LibrarySourceRecord
        {
            Id = Guid.NewGuid(), Name = request.Name!, Url = request.Url!.Trim(), Branch = request.Branch?.Trim() is { Length: > 0 } b ? b : "main",
            SubFolder = SubFolder(request.SubFolder), CredentialName = Blank(request.CredentialName),
            PullIntervalMinutes = request.PullIntervalMinutes ?? DefaultIntervalMinutes, AutoUpdate = request.AutoUpdate ?? true,
            CreatedAt = clock.GetUtcNow(), CreatedBy = user,
        };
        db.LibrarySources.Add(record);
        await db.SaveChangesAsync(ct);
        await sync.PullAsync(record, ct); // a failed first clone is kept with its reason and tried again later
        return TypedResults.Created($"/api/v1/library/sources/{record.Name}", sync.Describe(record));
    }

    public async Task<Results<Ok<LibrarySourceDto>, ProblemHttpResult>> UpdateAsync(string name, LibrarySourceRequest request, CancellationToken ct)
    {
        if (await FindAsync(name, ct) is not { } record) return ApiProblems.NotFound($"library source '{name}' does not exist");
        var merged = request with
        {
            Name = name,
            Url = request.Url ?? record.Url,
            Branch = request.Branch ?? record.Branch,
            SubFolder = request.SubFolder ?? record.SubFolder,
            CredentialName = request.CredentialName ?? record.CredentialName,
        };
        if (await CheckAsync(merged, record, ct) is { } problem) return problem;
        var reclone = merged.Url!.Trim() != record.Url || merged.Branch!.Trim() != record.Branch;
        record.Url = merged.Url!.Trim();
        record.Branch = merged.Branch!.Trim();
        record.SubFolder = SubFolder(merged.SubFolder);
        record.CredentialName = Blank(merged.CredentialName);
        record.PullIntervalMinutes = request.PullIntervalMinutes ?? record.PullIntervalMinutes;
        record.AutoUpdate = request.AutoUpdate ?? record.AutoUpdate;
        await db.SaveChangesAsync(ct);
        if (reclone) sync.Forget(record);
        await sync.PullAsync(record, ct);
        return TypedResults.Ok(sync.Describe(record));
    }

    public async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string name, CancellationToken ct)
    {
        if (await FindAsync(name, ct) is not { } record) return ApiProblems.NotFound($"library source '{name}' does not exist");
        db.LibrarySources.Remove(record);
        await db.SaveChangesAsync(ct);
        sync.Forget(record);
        return TypedResults.NoContent();
    }

    private async Task<ProblemHttpResult?> CheckAsync(LibrarySourceRequest r, LibrarySourceRecord? existing, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(r.Name) || !ValidName().IsMatch(r.Name))
            return ApiProblems.BadRequest("name is required: letters, digits, '_' and '-' (at most 64), the library folder its playbooks appear in", "name");
        if (existing is null && Directory.Exists(Path.Combine(library.Root, r.Name)))
            return ApiProblems.Conflict($"the local library already has a folder '{r.Name}': choose another name for the git source");
        if (UrlProblem(r.Url) is { } url) return ApiProblems.BadRequest(url, "url");
        if (r.Branch is { } branch && (branch.Trim().Length == 0 || branch.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '~' or '^' or ':' or '?' or '*' or '[' or '\\')
            || branch.Contains("..", StringComparison.Ordinal) || branch.StartsWith('-') || branch.Length > 255))
            return ApiProblems.BadRequest($"branch '{branch}' is not a valid git branch name", "branch");
        if (r.SubFolder is { } sub && sub.Trim().Length > 0 && (sub.Split('/', '\\').Any(s => s is ".." or ".") || Path.IsPathRooted(sub) || sub.Any(char.IsControl)))
            return ApiProblems.BadRequest($"sub_folder '{sub}' must be a folder inside the repository", "sub_folder");
        if (r.PullIntervalMinutes is < 0 or > MaxIntervalMinutes)
            return ApiProblems.BadRequest($"pull_interval_minutes must be between 0 (on demand only) and {MaxIntervalMinutes}", "pull_interval_minutes");
        if (Blank(r.CredentialName) is { } credential && await vault.FindAsync(credential, ct) is null)
            return ApiProblems.BadRequest($"credential '{credential}' does not exist in the vault", "credential_name");
        return null;
    }

    private static string? UrlProblem(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return "url is required: the repository to clone (https://…, ssh://…, git@host:path, file://… or a folder on the API's machine)";
        if (url.Any(char.IsControl) || url.Length > 2048) return "url must be one line of at most 2048 characters";
        var trimmed = url.Trim();
        if (Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) && !uri.IsFile)
        {
            if (uri.Scheme is not ("https" or "http" or "ssh" or "git")) return $"url scheme '{uri.Scheme}' is not supported: use https, ssh, git or file";
            if (uri.UserInfo.Contains(':')) return "url must not contain a password: choose a vault credential instead";
        }
        return null;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string? SubFolder(string? value) => Blank(value)?.Replace('\\', '/').Trim('/') is { Length: > 0 } s ? s : null;
}
