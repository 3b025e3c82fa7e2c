using System.Text.Json;
using IgnitionToolkit.Api.Persistence;
using IgnitionToolkit.Api.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using IgnitionToolkit.Contracts.Bus;

namespace IgnitionToolkit.Api.Runners;

/// <summary>What the API last heard from one Runner.</summary>
public sealed record RunnerInfo(string Id, DateTimeOffset FirstSeenAt, DateTimeOffset LastSeenAt, int Running, int Capacity, IReadOnlyList<Guid> ExecutionIds);

/// <summary>The Runners heard from (every <see cref="RunnerHeartbeat"/>, idle presence included), kept in the shared
/// database so that every API instance gives the same answer whichever instance received the heartbeat.</summary>
public sealed class RunnerPresence(TimeProvider clock, IOptions<RunnersOptions> options)
{
    public TimeSpan StaleAfter => options.Value.StaleAfter;

    public async Task RecordAsync(RunnerHeartbeat heartbeat, ToolkitDbContext db, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var distinct = heartbeat.ExecutionIds.Distinct().ToList();
        var (ids, running) = (JsonSerializer.Serialize(distinct), distinct.Count);
        for (var attempt = 1; ; attempt++)
        {
            var row = await db.Runners.FirstOrDefaultAsync(r => r.Id == heartbeat.RunnerId, ct);
            if (row is null)
                db.Runners.Add(new RunnerRecord { Id = heartbeat.RunnerId, FirstSeenAt = now, LastSeenAt = now, Running = running, Capacity = heartbeat.Capacity, ExecutionIdsJson = ids });
            else
                (row.LastSeenAt, row.Running, row.Capacity, row.ExecutionIdsJson) = (now, running, heartbeat.Capacity, ids);
            try
            {
                await db.SaveChangesAsync(ct);
                break;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                db.ChangeTracker.Clear(); // first heartbeat of this Runner recorded by two instances at once: update instead
            }
        }
        await ForgetAsync(db, now - 10 * StaleAfter, ct); // Runners gone for long are dropped from the list
    }

    /// <summary>Every known Runner, most recently seen first.</summary>
    public async Task<IReadOnlyList<RunnerInfo>> AllAsync(ToolkitDbContext db, CancellationToken ct)
    {
        var rows = await db.Runners.AsNoTracking().ToListAsync(ct); // a handful of rows; sorted here (SQLite cannot order offsets)
        return [.. rows.Select(r => new RunnerInfo(r.Id, r.FirstSeenAt, r.LastSeenAt, r.Running, r.Capacity, JsonSerializer.Deserialize<List<Guid>>(r.ExecutionIdsJson) ?? []))
            .OrderByDescending(r => r.LastSeenAt).ThenBy(r => r.Id, StringComparer.Ordinal)];
    }

    public bool IsLive(RunnerInfo runner) => clock.GetUtcNow() - runner.LastSeenAt <= StaleAfter;

    private static async Task ForgetAsync(ToolkitDbContext db, DateTimeOffset before, CancellationToken ct)
    {
        var gone = (await db.Runners.ToListAsync(ct)).Where(r => r.LastSeenAt < before).ToList();
        if (gone.Count == 0) return;
        db.Runners.RemoveRange(gone);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear(); // removed or refreshed meanwhile by another instance
        }
    }
}
