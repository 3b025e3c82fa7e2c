using IgnitionToolkit.Web.Api.Models;

namespace IgnitionToolkit.Web.Api;

/// <summary>One audit trail entry as <c>GET /api/v1/audit</c> lists it.</summary>
public sealed record AuditEntryInfo(long Id, DateTimeOffset Timestamp, string User, string Action, string TargetType, string? TargetId, string? Detail, string? ClientIp);

/// <summary>The audit page's filter: user, action (exact, or a prefix ending with '.'), and a range of UTC days.</summary>
public sealed record AuditFilters(string? User, string? Action, DateTime? From, DateTime? To);

/// <summary>The admin audit endpoints (<c>/api/v1/audit</c>).</summary>
public sealed class AuditApi(RestClient rest)
{
    public Task<ApiResult<Paged<AuditEntryInfo>>> ListAsync(int page, int pageSize, AuditFilters filters) =>
        rest.GetAsync<Paged<AuditEntryInfo>>($"/api/v1/audit?page={page}&pageSize={pageSize}"
            + Text("user", filters.User) + Text("action", filters.Action)
            + (filters.From is { } from ? "&from=" + Uri.EscapeDataString(Utc(from.Date).ToString("O")) : "")
            + (filters.To is { } to ? "&to=" + Uri.EscapeDataString(Utc(to.Date.AddDays(1)).ToString("O")) : ""));

    /// <summary>The actions recorded so far, for the filter.</summary>
    public Task<ApiResult<List<string>>> ActionsAsync() => rest.GetAsync<List<string>>("/api/v1/audit/actions");

    private static string Text(string name, string? value) => string.IsNullOrWhiteSpace(value) ? "" : $"&{name}=" + Uri.EscapeDataString(value.Trim());

    private static DateTimeOffset Utc(DateTime day) => new(DateTime.SpecifyKind(day, DateTimeKind.Unspecified), TimeSpan.Zero);
}
