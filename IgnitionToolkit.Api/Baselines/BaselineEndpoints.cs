using IgnitionToolkit.Api.Audit;
using IgnitionToolkit.Api.Auth;
using IgnitionToolkit.Api.Problems;
using IgnitionToolkit.Plugins.Perspective.Visual;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IgnitionToolkit.Api.Baselines;

/// <summary>A baseline of <c>perspective.compare_screenshot</c> as the API shows it; <see cref="History"/>: the earlier
/// baselines, newest first (their pictures: <c>image?version=&lt;version&gt;</c>).</summary>
public sealed record BaselineDto(string PlaybookPath, string Key, bool Approved, bool Pending, string? ApprovedBy, DateTimeOffset? ApprovedAt,
    int? Width, int? Height, long? Size, int HistoryCount, IReadOnlyList<BaselineHistoryDto> History);

/// <summary>An earlier baseline: its version (when it was approved, <c>yyyyMMddTHHmmssZ</c>), by whom (when known), its size.</summary>
public sealed record BaselineHistoryDto(string Version, string? ApprovedBy, DateTimeOffset? ApprovedAt, long Size);

/// <summary>Which baseline to approve: the playbook and the key (<c>name-WxH</c>) the step reported.</summary>
public sealed record ApproveBaselineRequest(string? PlaybookPath, string? Key);

/// <summary><c>/api/v1/baselines</c>: the screenshot baselines of the library and the data folder (list, pictures) and the
/// approval that makes a pending picture the baseline (operators, audited). The files are <see cref="BaselineStore"/>'s.</summary>
public static class BaselineEndpoints
{
    public static RouteGroupBuilder MapBaselineEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/baselines").WithTags("Baselines").RequireViewer();
        group.MapGet("/", (BaselineStore store) => TypedResults.Ok(store.List().Select(e => ToDto(store, e)).ToList())).WithName("ListBaselines");
        group.MapGet("/image", ImageAsync).WithName("GetBaselineImage");
        group.MapPost("/approve", Approve).WithName("ApproveBaseline").RequireOperator()
            .Audited<BaselineDto>("baseline.approved", "baseline", c => c.Entry with { TargetId = $"{c.Value.PlaybookPath}#{c.Value.Key}" });
        return api;
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ImageAsync(string? playbook, string? key, string? version,
        BaselineStore store, CancellationToken ct)
    {
        if (Locate(store, playbook, key) is not { } location) return Unknown(playbook, key);
        var path = (version ?? "approved") switch
        {
            "approved" => location.Approved,
            "pending" => location.Pending,
            var earlier when store.HistoryPicture(location, earlier) is { } file => file,
            var earlier when earlier.Length > 0 && char.IsAsciiDigit(earlier[0]) => "", // a history version that is not there: 404 below
            _ => null,
        };
        if (path is null) return ApiProblems.BadRequest("version must be 'approved', 'pending' or a version of the history (yyyyMMddTHHmmssZ)", "version");
        return File.Exists(path)
            ? TypedResults.File(await File.ReadAllBytesAsync(path, ct), "image/png", Path.GetFileName(path))
            : ApiProblems.NotFound($"the baseline {key} of {playbook} has no {version ?? "approved"} picture");
    }

    private static Results<Ok<BaselineDto>, ProblemHttpResult> Approve(ApproveBaselineRequest request, BaselineStore store, CurrentUser user, TimeProvider clock)
    {
        if (string.IsNullOrWhiteSpace(request.PlaybookPath)) return ApiProblems.BadRequest("playbook_path is required", "playbook_path");
        if (string.IsNullOrWhiteSpace(request.Key)) return ApiProblems.BadRequest("key is required (name-WIDTHxHEIGHT)", "key");
        if (Locate(store, request.PlaybookPath, request.Key) is not { } location) return Unknown(request.PlaybookPath, request.Key);
        if (!store.Approve(location, user.Name, clock.GetUtcNow()))
            return ApiProblems.NotFound($"no picture of {request.Key} of {request.PlaybookPath} waits for approval: run the playbook first");
        return TypedResults.Ok(ToDto(store, store.Entry(request.PlaybookPath, location)));
    }

    private static BaselineLocation? Locate(BaselineStore store, string? playbook, string? key) =>
        string.IsNullOrWhiteSpace(playbook) || string.IsNullOrWhiteSpace(key) ? null : store.Find(playbook, key);

    private static ProblemHttpResult Unknown(string? playbook, string? key) =>
        ApiProblems.NotFound($"no baseline '{key}' for playbook '{playbook}' (the key is name-WIDTHxHEIGHT, as the step reports it)");

    private static BaselineDto ToDto(BaselineStore store, BaselineEntry e) => new(e.PlaybookPath, e.Key, e.Approval is not null, e.Pending, e.Approval?.ApprovedBy,
        e.Approval?.ApprovedAt, e.Approval?.Width, e.Approval?.Height, e.Approval?.Size, e.HistoryCount,
        [.. store.HistoryItems(e.Location).Select(h => new BaselineHistoryDto(h.Version, h.Approval?.ApprovedBy, h.Approval?.ApprovedAt, h.Size))]);
}
