namespace IgnitionToolkit.Runner.Execution;

/// <summary>
/// Cancel commands for executions this Runner does not own (yet). The API marks a pending execution cancelled and
/// still publishes the cancel: if its start command reaches this Runner later, it is skipped. Bounded: entries are
/// forgotten after <see cref="Lifetime"/>, and the oldest go first beyond <see cref="Capacity"/> ids.
/// </summary>
public sealed class EarlyCancellations(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    public const int Capacity = 10_000;

    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, DateTimeOffset> _expiry = [];
    private readonly Queue<(Guid Id, DateTimeOffset Expiry)> _order = new();

    public int Count
    {
        get
        {
            lock (_gate)
            {
                Prune(clock.GetUtcNow());
                return _expiry.Count;
            }
        }
    }

    public void Remember(Guid executionId)
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            Prune(now);
            var expiry = now + Lifetime;
            _expiry[executionId] = expiry;
            _order.Enqueue((executionId, expiry));
            while (_expiry.Count > Capacity && _order.TryDequeue(out var oldest))
            {
                if (_expiry.TryGetValue(oldest.Id, out var current) && current == oldest.Expiry) _expiry.Remove(oldest.Id);
            }
        }
    }

    /// <summary>True (and forgotten) when a cancel for <paramref name="executionId"/> arrived within the lifetime.</summary>
    public bool TryConsume(Guid executionId)
    {
        lock (_gate)
        {
            Prune(clock.GetUtcNow());
            return _expiry.Remove(executionId);
        }
    }

    private void Prune(DateTimeOffset now)
    {
        while (_order.TryPeek(out var oldest) && oldest.Expiry <= now)
        {
            _order.Dequeue();
            if (_expiry.TryGetValue(oldest.Id, out var current) && current == oldest.Expiry) _expiry.Remove(oldest.Id);
        }
    }
}
