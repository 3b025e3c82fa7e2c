using IgnitionToolkit.Api.Auth;
using IgnitionToolkit.Api.Executions;
using IgnitionToolkit.Api.Persistence;
using IgnitionToolkit.Api.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace IgnitionToolkit.Api.Audit;

public sealed record AuditEntryDto(long Id, DateTimeOffset Timestamp, string User, string Action, string TargetType, string? TargetId, string? Detail, string? ClientIp);

/// <summary><c>GET /api/v1/audit</c> (admin only): newest first, paged like the executions list, filtered by user,
/// action (exact, or a prefix ending with '.' such as <c>execution.</c>), target type, target id and time range.</summary>
public static class AuditEndpoints
{
    public static RouteGroupBuilder MapAuditEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/audit").WithTags("Audit").RequireAdmin();
        group.MapGet("/", ListAsync).WithName("ListAudit");
        group.MapGet("/actions", ActionsAsync).WithName("ListAuditActions");
        return api;
    }

    /// <summary>The actions recorded so far (for the Web's filter), sorted.</summary>
    private static async Task<Ok<List<string>>> ActionsAsync(ToolkitDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.Audit.AsNoTracking().Select(a => a.Action).Distinct().OrderBy(a => a).ToListAsync(ct));

    private static async Task<Results<Ok<PagedResponse<AuditEntryDto>>, ProblemHttpResult>> ListAsync(
        ToolkitDbContext db, int? page, int? pageSize, string? user, string? action, string? targetType, string? targetId,
        DateTimeOffset? from, DateTimeOffset? to, CancellationToken ct)
    {
        var p = page ?? 1;
        var size = pageSize ?? ExecutionQueries.DefaultPageSize;
        if (p < 1) return ApiProblems.BadRequest("page must be 1 or more", "page");
        if (size < 1 || size > ExecutionQueries.MaxPageSize) return ApiProblems.BadRequest($"pageSize must be between 1 and {ExecutionQueries.MaxPageSize}", "pageSize");
        if (from is not null && to is not null && from > to) return ApiProblems.BadRequest("from must be before to", "from");
        var query = db.Audit.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(user)) query = query.Where(a => a.UserName == user.Trim().ToLowerInvariant());
        if (!string.IsNullOrWhiteSpace(action))
        {
            var wanted = action.Trim();
            query = wanted.EndsWith('.') ? query.Where(a => a.Action.StartsWith(wanted)) : query.Where(a => a.Action == wanted);
        }
        if (!string.IsNullOrWhiteSpace(targetType)) query = query.Where(a => a.TargetType == targetType.Trim());
        if (!string.IsNullOrWhiteSpace(targetId)) query = query.Where(a => a.TargetId == targetId.Trim());
        if (from is { } start) query = query.Where(a => a.Timestamp >= start);
        if (to is { } end) query = query.Where(a => a.Timestamp <= end);
        var total = await query.CountAsync(ct);
        var items = (await query.OrderByDescending(a => a.Timestamp).ThenByDescending(a => a.Id).Skip((p - 1) * size).Take(size).ToListAsync(ct))
            .Select(a => new AuditEntryDto(a.Id, a.Timestamp, a.UserName, a.Action, a.TargetType, a.TargetId, a.Detail, a.ClientIp)).ToList();
        return TypedResults.Ok(new PagedResponse<AuditEntryDto>(items, p, size, total, (int)Math.Ceiling(total / (double)size)));
    }
}
