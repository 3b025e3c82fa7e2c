using System.Collections.Concurrent;

namespace IgnitionToolkit.Api.Cluster;

/// <summary>
/// The other API instances on this broker, as their presence messages (<see cref="ApiInstancePresent"/>) told this one.
/// A lone instance — the usual deployment — then delivers applied events to its own live clients only, instead of
/// sending every event through the broker and back to itself (a fifth of its CPU while a Runner streams events).
/// An instance counts as present for <see cref="Expiry"/> after its last message, three of its <see cref="Interval"/>s;
/// until it has greeted them (<see cref="Greeted"/>) and for an <see cref="Interval"/> after, this instance assumes others
/// are there, as their answers take a broker round trip, so that no event it applies meanwhile misses their clients.
/// </summary>
public sealed class ApiPeers(ApiInstance self, TimeProvider clock)
{
    /// <summary>How often an instance says it is still there.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    /// <summary>How long an instance counts as present after its last message.</summary>
    public static readonly TimeSpan Expiry = 3 * Interval;

    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastSeen = new(StringComparer.Ordinal);
    private long _assumeOthersUntilTicks = long.MaxValue; // until the first greeting

    /// <summary>This instance has just greeted the others (at start, after a broker reconnection).</summary>
    public void Greeted() => Interlocked.Exchange(ref _assumeOthersUntilTicks, (clock.GetUtcNow() + Interval).UtcTicks);

    /// <summary>Records a presence message; false for this instance's own (which the fan-out brings back too).</summary>
    public bool Seen(string instanceId)
    {
        if (instanceId == self.Id) return false;
        _lastSeen[instanceId] = clock.GetUtcNow();
        return true;
    }

    /// <summary>An instance said it is stopping.</summary>
    public void Forget(string instanceId) => _lastSeen.TryRemove(instanceId, out _);

    /// <summary>Whether live events go through the broker: another instance was heard from within <see cref="Expiry"/>,
    /// or this instance has not greeted them yet or did so within an <see cref="Interval"/>.</summary>
    public bool OthersMayListen => clock.GetUtcNow().UtcTicks < Interlocked.Read(ref _assumeOthersUntilTicks) || Present.Count > 0;

    /// <summary>The other instances heard from within <see cref="Expiry"/> (those that were not are forgotten).</summary>
    public IReadOnlyList<string> Present
    {
        get
        {
            var cutoff = clock.GetUtcNow() - Expiry;
            var present = new List<string>();
            foreach (var (id, seen) in _lastSeen)
            {
                if (seen >= cutoff) present.Add(id);
                else _lastSeen.TryRemove(KeyValuePair.Create(id, seen));
            }
            return present;
        }
    }
}
