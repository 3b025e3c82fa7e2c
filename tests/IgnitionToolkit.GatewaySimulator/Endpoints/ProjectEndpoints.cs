using IgnitionToolkit.GatewaySimulator.State;

namespace IgnitionToolkit.GatewaySimulator.Endpoints;

/// <summary>Reference section 2: projects list/names/find/export/import and the filesystem scans.</summary>
internal static class ProjectEndpoints
{
    public static RouteGroupBuilder MapProjectEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/projects/list", (GatewayState state, string? search, int? limit, int? offset, string? sortBy) =>
            ApiResults.Page(Sorted(state.Projects, sortBy), SearchText, search, limit, offset, p => ToJson(p, state)));
        api.MapGet("/projects/names", (GatewayState state, string? search, int? limit, int? offset, string? sortBy) =>
            ApiResults.Page(Sorted(state.Projects, sortBy), SearchText, search, limit, offset, p => new { name = p.Name }));
        api.MapGet("/projects/find/{name}", (string name, GatewayState state) =>
            state.FindProject(name) is { } project
                ? Results.Ok(ToJson(project, state))
                : TypedResults.Problem($"Project '{name}' not found.", statusCode: 404, title: "Project not found."));
        api.MapGet("/projects/export/{name}", (string name, GatewayState state) =>
            state.FindProject(name) is { } project
                ? Results.File(ProjectArchive.Write(project), "application/zip", $"{name}.zip")
                : TypedResults.Problem($"Project '{name}' not found.", statusCode: 404, title: "Project not found."));
        api.MapPost("/projects/import/{name}", Import);
        api.MapPost("/scan/projects", (GatewayState state) => ScanResult(state.Scan(projects: true)));
        api.MapPost("/scan/config", (GatewayState state) => ScanResult(state.Scan(projects: false)));
        api.MapGet("/scan/projects", (GatewayState state) => ScanResult(state.LastProjectScan));
        api.MapGet("/scan/config", (GatewayState state) => ScanResult(state.LastConfigScan));
        return api;
    }

    private static async Task<IResult> Import(string name, string? overwrite, HttpRequest request, GatewayState state,
        CancellationToken cancellationToken)
    {
        var contentType = request.ContentType ?? "";
        if (!contentType.StartsWith("application/zip", StringComparison.OrdinalIgnoreCase) &&
            !contentType.StartsWith("application/octet-stream", StringComparison.OrdinalIgnoreCase))
        {
            return ImportResult(name, OperationResult.Fail(415,
                "Request content type not supported. The following content types are supported: application/zip"));
        }
        var body = await ApiResults.ReadBodyAsync(request, cancellationToken);
        var result = state.ImportProject(name, body, string.Equals(overwrite, "true", StringComparison.OrdinalIgnoreCase));
        return ImportResult(name, result);
    }

    /// <summary>The import answer shape <c>{success, changes:[{name}], problem}</c> for success and failure alike.</summary>
    private static IResult ImportResult(string name, OperationResult result) => Results.Json(
        new
        {
            success = result.Succeeded,
            changes = result.Succeeded ? new[] { new { name } } : [],
            problem = result.Succeeded ? null : new { message = result.Error, stacktrace = Array.Empty<string>() },
        },
        statusCode: result.StatusCode);

    private static IResult ScanResult(DateTimeOffset lastScan) => TypedResults.Ok(new
    {
        scanActive = false,
        lastScanTimestamp = lastScan.ToUnixTimeMilliseconds(),
        lastScanDuration = 12,
    });

    private static string SearchText(ProjectRecord p) => $"{p.Name} {p.Title} {p.Description}";

    private static IReadOnlyList<ProjectRecord> Sorted(IReadOnlyList<ProjectRecord> projects, string? sortBy) =>
        sortBy?.Trim().StartsWith("desc(", StringComparison.OrdinalIgnoreCase) == true
            ? [.. projects.Reverse()]
            : projects;

    private static object ToJson(ProjectRecord p, GatewayState state) => new
    {
        name = p.Name,
        description = p.Description,
        title = p.Title,
        enabled = p.Enabled,
        parent = p.Parent ?? "",
        inheritable = p.Inheritable,
        invalidParent = p.Parent is not null && state.FindProject(p.Parent) is null,
        mutable = true,
        defaultDb = "",
        tagProvider = "default",
        userSource = "default",
        identityProvider = "default",
    };
}
