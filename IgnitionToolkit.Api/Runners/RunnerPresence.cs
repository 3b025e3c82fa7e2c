using System.Collections.Concurrent;
using IgnitionToolkit.Core.Messaging;
using Microsoft.Extensions.Options;

namespace IgnitionToolkit.Api.Runners;

/// <summary>What the API last heard from one Runner.</summary>
public sealed record RunnerInfo(string Id, DateTimeOffset FirstSeenAt, DateTimeOffset LastSeenAt, int Running, int Capacity, IReadOnlyList<Guid> ExecutionIds);

/// <summary>The Runners this API instance has heard from (every <see cref="RunnerHeartbeat"/>, idle presence included),
/// kept in memory: presence is live state, rebuilt within one presence interval after a restart.</summary>
public sealed class RunnerPresence(TimeProvider clock, IOptions<RunnersOptions> options)
{
    private readonly ConcurrentDictionary<string, RunnerInfo> _runners = new(StringComparer.Ordinal);

    public TimeSpan StaleAfter => options.Value.StaleAfter;

    public void Record(RunnerHeartbeat heartbeat)
    {
        var now = clock.GetUtcNow();
        var ids = heartbeat.ExecutionIds.Distinct().ToList();
        _runners.AddOrUpdate(heartbeat.RunnerId,
            id => new RunnerInfo(id, now, now, ids.Count, heartbeat.Capacity, ids),
            (_, old) => old with { LastSeenAt = now, Running = ids.Count, Capacity = heartbeat.Capacity, ExecutionIds = ids });
        Forget(now - 10 * StaleAfter); // Runners gone for long are dropped from the list
    }

    /// <summary>Every known Runner, most recently seen first.</summary>
    public IReadOnlyList<RunnerInfo> All => [.. _runners.Values.OrderByDescending(r => r.LastSeenAt).ThenBy(r => r.Id, StringComparer.Ordinal)];

    public bool IsLive(RunnerInfo runner) => clock.GetUtcNow() - runner.LastSeenAt <= StaleAfter;

    private void Forget(DateTimeOffset before)
    {
        foreach (var (id, runner) in _runners)
            if (runner.LastSeenAt < before) _runners.TryRemove(id, out _);
    }
}
