using IgnitionToolkit.Api.Auth;
using IgnitionToolkit.Api.Persistence;
using IgnitionToolkit.Api.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace IgnitionToolkit.Api.Artifacts;

/// <summary><c>GET /executions/{id}/artifacts</c> and <c>GET /executions/{id}/artifacts/{name}</c> (download).
/// Deleting an execution with its artifacts is <c>DELETE /executions/{id}</c> in <see cref="Executions.ExecutionEndpoints"/>.</summary>
public static class ArtifactEndpoints
{
    public static RouteGroupBuilder MapArtifactEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/executions").WithTags("Artifacts").RequireViewer();
        group.MapGet("/{id:guid}/artifacts", ListAsync).WithName("ListArtifacts");
        group.MapGet("/{id:guid}/artifacts/{name}", DownloadAsync).WithName("DownloadArtifact");
        return api;
    }

    private static async Task<Results<Ok<List<ArtifactListItem>>, ProblemHttpResult>> ListAsync(Guid id, ToolkitDbContext db, CancellationToken ct)
    {
        if (!await db.Executions.AnyAsync(e => e.Id == id, ct)) return ApiProblems.NotFound($"execution {id} does not exist");
        var rows = await db.Artifacts.AsNoTracking().Where(a => a.ExecutionId == id).OrderBy(a => a.Sequence).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(a => new ArtifactListItem(a.Name, a.Size, a.ContentType, a.Sha256, a.StepPath, a.CreatedAt,
            $"/api/v1/executions/{id}/artifacts/{Uri.EscapeDataString(a.Name)}")).ToList());
    }

    private static async Task<Results<PhysicalFileHttpResult, ProblemHttpResult>> DownloadAsync(
        Guid id, string name, ToolkitDbContext db, ArtifactFiles files, CancellationToken ct)
    {
        var path = files.FileOf(id, name);
        if (path is null) return ApiProblems.BadRequest($"'{name}' is not an artifact name (a plain file name, no folders)", "name");
        var artifact = await db.Artifacts.AsNoTracking().Where(a => a.ExecutionId == id && a.Name == name)
            .OrderByDescending(a => a.Sequence).FirstOrDefaultAsync(ct);
        if (artifact is null) return ApiProblems.NotFound($"execution {id} has no artifact '{name}'");
        if (!File.Exists(path))
            return ApiProblems.NotFound($"the file of artifact '{name}' is not in this API's data folder ({files.ExecutionFolder(id)}); " +
                "the API and the Runners must share the data folder (see docs/artifacts.md)");
        return TypedResults.PhysicalFile(path, artifact.ContentType, artifact.Name, enableRangeProcessing: true);
    }
}
