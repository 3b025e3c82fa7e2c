using IgnitionToolkit.Api.Audit;
using IgnitionToolkit.Api.Auth;

namespace IgnitionToolkit.Api.Schedules;

/// <summary><c>/api/v1/schedules</c>: list, get, create, replace, delete, enable, disable, the next run times and the
/// runs a schedule handled, and run now (as a due occurrence starts, <see cref="ScheduleFiring.RunNowAsync"/>). Reads need viewer, writes operator; every change is audited.</summary>
public static class ScheduleEndpoints
{
    public static RouteGroupBuilder MapScheduleEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/schedules").WithTags("Schedules").RequireViewer();
        group.MapGet("/", (ScheduleQueries queries, CancellationToken ct) => queries.ListAsync(ct)).WithName("ListSchedules");
        group.MapGet("/{id:guid}", (Guid id, ScheduleQueries queries, CancellationToken ct) => queries.GetAsync(id, ct)).WithName("GetSchedule");
        group.MapGet("/{id:guid}/next", (Guid id, int? count, ScheduleQueries queries, CancellationToken ct) =>
            queries.NextAsync(id, count, ct)).WithName("NextScheduleRuns");
        group.MapGet("/{id:guid}/runs", (Guid id, int? page, int? pageSize, ScheduleQueries queries, CancellationToken ct) =>
            queries.RunsAsync(id, page, pageSize, ct)).WithName("ListScheduleRuns");
        group.MapPost("/", (ScheduleRequest request, ScheduleEditor editor, CancellationToken ct) => editor.CreateAsync(request, ct))
            .WithName("CreateSchedule").RequireOperator()
            .Audited<ScheduleDto>("schedule.created", "schedule", c => c.Entry with { TargetId = c.Value.Id.ToString(), Detail = Describe(c.Value) });
        group.MapPut("/{id:guid}", (Guid id, ScheduleRequest request, ScheduleEditor editor, CancellationToken ct) => editor.UpdateAsync(id, request, ct))
            .WithName("UpdateSchedule").RequireOperator()
            .Audited<ScheduleDto>("schedule.changed", "schedule", c => c.Entry with { Detail = Describe(c.Value) }, targetRouteValue: "id");
        group.MapDelete("/{id:guid}", (Guid id, ScheduleEditor editor, CancellationToken ct) => editor.DeleteAsync(id, ct))
            .WithName("DeleteSchedule").RequireOperator().Audited("schedule.deleted", "schedule", targetRouteValue: "id");
        group.MapPost("/{id:guid}/enable", (Guid id, ScheduleEditor editor, CancellationToken ct) => editor.SetEnabledAsync(id, true, ct))
            .WithName("EnableSchedule").RequireOperator().Audited("schedule.enabled", "schedule", targetRouteValue: "id");
        group.MapPost("/{id:guid}/disable", (Guid id, ScheduleEditor editor, CancellationToken ct) => editor.SetEnabledAsync(id, false, ct))
            .WithName("DisableSchedule").RequireOperator().Audited("schedule.disabled", "schedule", targetRouteValue: "id");
        group.MapPost("/{id:guid}/run-now", (Guid id, ScheduleFiring firing, CurrentUser user, CancellationToken ct) => firing.RunNowAsync(id, user.Name, ct))
            .WithName("RunScheduleNow").RequireOperator()
            .Audited<ScheduleRunNowDto>("schedule.run_now", "schedule", c => c.Entry with { Detail = RunNowDetail(c.Value) }, targetRouteValue: "id");
        return api;
    }

    private static string RunNowDetail(ScheduleRunNowDto r) =>
        $"{r.ScheduleName}: {r.State}" + (r.ExecutionId is { } e ? $" execution {e}" : "") + (r.FleetRunId is { } f ? $" fleet run {f}" : "");

    private static string Describe(ScheduleDto s) => $"{s.Name}: {s.Playbook}, {s.Cron} {s.TimeZone}, {(s.Enabled ? "enabled" : "disabled")}";
}
