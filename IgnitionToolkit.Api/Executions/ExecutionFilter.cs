using IgnitionToolkit.Api.Persistence.Entities;
using IgnitionToolkit.Api.Problems;
using IgnitionToolkit.Core.Execution;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using IgnitionToolkit.Contracts;

namespace IgnitionToolkit.Api.Executions;

/// <summary>The query of <c>GET /api/v1/executions</c>: paging and every filter, all applied in the database. The one
/// place a filter is added (a property here, a clause in <see cref="ExecutionFilter.Apply"/>).</summary>
public sealed record ExecutionListQuery
{
    public int? Page { get; init; }
    public int? PageSize { get; init; }
    /// <summary>Comma-separated statuses (any of).</summary>
    public string? Status { get; init; }
    /// <summary>Free text: part of the playbook's name or path, any case.</summary>
    public string? Playbook { get; init; }
    /// <summary>One playbook, by its exact library path.</summary>
    [FromQuery(Name = "playbook_path")] public string? PlaybookPath { get; init; }
    /// <summary>The user who started it (exact).</summary>
    [FromQuery(Name = "started_by")] public string? StartedBy { get; init; }
    /// <summary>Created at or after (ISO 8601).</summary>
    public DateTimeOffset? From { get; init; }
    /// <summary>Created before (ISO 8601).</summary>
    public DateTimeOffset? To { get; init; }
    public bool? Pinned { get; init; }
    /// <summary>The executions one fleet run started.</summary>
    [FromQuery(Name = "fleet_run")] public Guid? FleetRun { get; init; }
    /// <summary>The executions one schedule started: its id, or its name (any case), also after it was deleted or renamed.</summary>
    public string? Schedule { get; init; }
}

public static class ExecutionFilter
{
    public const int MaxTextLength = 200;
    private static readonly string[] Statuses = Enum.GetValues<ExecutionStatus>().Select(s => s.ToWire()).ToArray();

    /// <summary>The executions <paramref name="q"/> selects, or a 400 problem naming the parameter at fault.</summary>
    public static (IQueryable<ExecutionRecord> Query, ProblemHttpResult? Problem) Apply(IQueryable<ExecutionRecord> query, ExecutionListQuery q)
    {
        if (!string.IsNullOrWhiteSpace(q.Status))
        {
            var wanted = q.Status.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(s => s.ToLowerInvariant()).ToList();
            var unknown = wanted.Where(s => !Statuses.Contains(s)).ToList();
            if (unknown.Count > 0)
                return (query, ApiProblems.BadRequest($"unknown status '{string.Join(", ", unknown)}'; valid: {string.Join(", ", Statuses)}", "status"));
            var typed = wanted.Select(WireNames.Parse<ExecutionStatus>).ToList();
            query = query.Where(e => typed.Contains(e.Status));
        }
        foreach (var (name, value) in new[] { ("playbook", q.Playbook), ("playbook_path", q.PlaybookPath), ("started_by", q.StartedBy), ("schedule", q.Schedule) })
            if (value is { Length: > MaxTextLength }) return (query, ApiProblems.BadRequest($"{name} is longer than {MaxTextLength} characters", name));
        if (!string.IsNullOrWhiteSpace(q.Playbook))
        {
            // Part of the name or the path, any case: the filter covers every page, not only the one shown.
            var term = q.Playbook.Trim().ToLowerInvariant();
            query = query.Where(e => e.PlaybookName.ToLower().Contains(term) || e.PlaybookPath.ToLower().Contains(term));
        }
        if (!string.IsNullOrWhiteSpace(q.PlaybookPath))
        {
            var path = q.PlaybookPath.Trim();
            query = query.Where(e => e.PlaybookPath == path);
        }
        if (!string.IsNullOrWhiteSpace(q.StartedBy))
        {
            var user = q.StartedBy.Trim();
            query = query.Where(e => e.StartedBy == user);
        }
        if (q.From is { } from && q.To is { } to && to <= from)
            return (query, ApiProblems.BadRequest("to must be later than from", "to"));
        if (q.From is { } since)
        {
            var utc = since.ToUniversalTime();
            query = query.Where(e => e.CreatedAt >= utc);
        }
        if (q.To is { } until)
        {
            var utc = until.ToUniversalTime();
            query = query.Where(e => e.CreatedAt < utc);
        }
        if (q.Pinned is { } pinned) query = query.Where(e => e.Pinned == pinned);
        if (q.FleetRun is { } fleetRun) query = query.Where(e => e.FleetRunId == fleetRun);
        if (!string.IsNullOrWhiteSpace(q.Schedule))
        {
            var term = q.Schedule.Trim();
            var lower = term.ToLowerInvariant();
            query = Guid.TryParse(term, out var scheduleId)
                ? query.Where(e => e.ScheduleId == scheduleId)
                : query.Where(e => e.ScheduleName != null && e.ScheduleName.ToLower() == lower);
        }
        return (query, null);
    }
}
