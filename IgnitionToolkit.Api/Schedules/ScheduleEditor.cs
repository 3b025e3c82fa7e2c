using IgnitionToolkit.Api.Auth;
using IgnitionToolkit.Api.Persistence;
using IgnitionToolkit.Api.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace IgnitionToolkit.Api.Schedules;

/// <summary>Creates, replaces, enables, disables and deletes schedules. Saving a timing, zone or enabling works out the
/// next occurrence from now: time spent disabled is never caught up.</summary>
public sealed partial class ScheduleEditor(ToolkitDbContext db, ScheduleValidator validator, CurrentUser user, TimeProvider clock, ILogger<ScheduleEditor> logger)
{
    public async Task<Results<Created<ScheduleDto>, ProblemHttpResult>> CreateAsync(ScheduleRequest request, CancellationToken ct)
    {
        var (valid, problem) = await validator.ValidateAsync(request, ct);
        if (problem is not null) return problem;
        if (await NameTakenAsync(valid!.Name, null, ct)) return ApiProblems.Conflict($"a schedule named '{valid.Name}' already exists");
        var now = clock.GetUtcNow();
        var record = new ScheduleRecord
        {
            Id = Guid.NewGuid(), Name = valid.Name, PlaybookPath = valid.PlaybookPath, ParametersJson = valid.ParametersJson,
            TimingJson = valid.TimingJson, Cron = valid.Cron, TimeZone = valid.TimeZone, Overlap = valid.Overlap, MissedRuns = valid.MissedRuns,
            CreatedAt = now, CreatedBy = user.Name,
        };
        Apply(record, valid, now);
        db.Schedules.Add(record);
        if (await SaveAsync(record.Name, ct) is { } conflict) return conflict;
        LogCreated(logger, record.Name, record.Cron, record.TimeZone, record.PlaybookPath, record.NextDueAt);
        return TypedResults.Created($"/api/v1/schedules/{record.Id}", ScheduleMapping.ToDto(record));
    }

    public async Task<Results<Ok<ScheduleDto>, ProblemHttpResult>> UpdateAsync(Guid id, ScheduleRequest request, CancellationToken ct)
    {
        var record = await db.Schedules.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (record is null) return Missing(id);
        var (valid, problem) = await validator.ValidateAsync(request, ct);
        if (problem is not null) return problem;
        if (await NameTakenAsync(valid!.Name, id, ct)) return ApiProblems.Conflict($"a schedule named '{valid.Name}' already exists");
        Apply(record, valid, clock.GetUtcNow());
        if (await SaveAsync(record.Name, ct) is { } conflict) return conflict;
        LogChanged(logger, record.Name, record.NextDueAt);
        return TypedResults.Ok(ScheduleMapping.ToDto(record));
    }

    public async Task<Results<Ok<ScheduleDto>, ProblemHttpResult>> SetEnabledAsync(Guid id, bool enabled, CancellationToken ct)
    {
        var record = await db.Schedules.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (record is null) return Missing(id);
        if (record.Enabled != enabled)
        {
            var now = clock.GetUtcNow();
            record.Enabled = enabled;
            record.NextDueAt = enabled ? NextAfter(record, now) : null;
            Touch(record, now);
            if (await SaveAsync(record.Name, ct) is { } conflict) return conflict;
            LogState(logger, record.Name, enabled ? "enabled" : "disabled");
        }
        return TypedResults.Ok(ScheduleMapping.ToDto(record));
    }

    public async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(Guid id, CancellationToken ct)
    {
        var record = await db.Schedules.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (record is null) return Missing(id);
        db.Schedules.Remove(record); // its run history goes with it; executions keep the schedule's id and name
        if (await SaveAsync(record.Name, ct) is { } conflict) return conflict;
        LogDeleted(logger, record.Name);
        return TypedResults.NoContent();
    }

    private void Apply(ScheduleRecord record, ValidSchedule valid, DateTimeOffset now)
    {
        record.Name = valid.Name;
        record.Description = valid.Description;
        record.PlaybookPath = valid.PlaybookPath;
        record.ParametersJson = valid.ParametersJson;
        record.CredentialName = valid.CredentialName;
        record.FleetTargetJson = valid.FleetTargetJson;
        record.TimingJson = valid.TimingJson;
        record.Cron = valid.Cron;
        record.TimeZone = valid.TimeZone;
        record.Enabled = valid.Enabled;
        record.Overlap = valid.Overlap;
        record.MissedRuns = valid.MissedRuns;
        record.NextDueAt = valid.Enabled ? NextAfter(record, now) : null;
        Touch(record, now);
    }

    private void Touch(ScheduleRecord record, DateTimeOffset now)
    {
        record.UpdatedAt = now;
        record.UpdatedBy = user.Name;
        record.Version++;
    }

    private static DateTimeOffset? NextAfter(ScheduleRecord record, DateTimeOffset now) =>
        ScheduleTiming.Next(ScheduleTiming.Parse(record.Cron, "cron").Expression!, ScheduleTiming.FindZone(record.TimeZone)!, now, 1) is [var next] ? next : null;

    private Task<bool> NameTakenAsync(string name, Guid? except, CancellationToken ct) =>
        db.Schedules.AnyAsync(s => s.Name == name && s.Id != except, ct);

    private async Task<ProblemHttpResult?> SaveAsync(string name, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return ApiProblems.Conflict($"schedule '{name}' changed meanwhile (a run came due or another user saved it); reload and try again");
        }
        catch (DbUpdateException)
        {
            return ApiProblems.Conflict($"a schedule named '{name}' already exists");
        }
    }

    private static ProblemHttpResult Missing(Guid id) => ApiProblems.NotFound($"schedule {id} does not exist");

    [LoggerMessage(Level = LogLevel.Information, Message = "Schedule {Schedule} ({Cron} {Zone}) created for {Playbook}; next run {Next}")]
    private static partial void LogCreated(ILogger logger, string schedule, string cron, string zone, string playbook, DateTimeOffset? next);

    [LoggerMessage(Level = LogLevel.Information, Message = "Schedule {Schedule} changed; next run {Next}")]
    private static partial void LogChanged(ILogger logger, string schedule, DateTimeOffset? next);

    [LoggerMessage(Level = LogLevel.Information, Message = "Schedule {Schedule} {State}")]
    private static partial void LogState(ILogger logger, string schedule, string state);

    [LoggerMessage(Level = LogLevel.Information, Message = "Schedule {Schedule} deleted")]
    private static partial void LogDeleted(ILogger logger, string schedule);
}
