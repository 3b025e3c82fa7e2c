namespace IgnitionToolkit.Api.Fleet;

/// <summary>The decisions of a fleet run, without the database: what to skip, what to start next, how the run ends.</summary>
public static class FleetPlanner
{
    /// <summary>A row as the planner sees it.</summary>
    public sealed record Row(Guid Id, Guid GatewayId, int Order, string Status, int? GatewayLimit);

    /// <summary>True once <paramref name="stopAfterFailures"/> rows failed (never when it is null).</summary>
    public static bool ShouldStop(IEnumerable<Row> rows, int? stopAfterFailures) =>
        stopAfterFailures is { } k && rows.Count(r => FleetStatuses.IsFailure(r.Status)) >= k;

    /// <summary>
    /// The waiting rows to start now, in order: at most <paramref name="maxParallel"/> rows of the run active at once, and on
    /// each gateway at most its own limit of fleet executions, counting those of other runs (<paramref name="activeOnGateway"/>).
    /// A row whose gateway is full is passed over and tried again on the next pass; later rows may start before it.
    /// </summary>
    public static List<Row> NextToStart(IReadOnlyCollection<Row> rows, int maxParallel, IReadOnlyDictionary<Guid, int> activeOnGateway)
    {
        var slots = maxParallel - rows.Count(r => FleetStatuses.IsActive(r.Status));
        var picked = new List<Row>();
        if (slots <= 0) return picked;
        var taken = new Dictionary<Guid, int>();
        foreach (var row in rows.Where(r => r.Status == FleetStatuses.Waiting).OrderBy(r => r.Order))
        {
            if (picked.Count >= slots) break;
            var busy = activeOnGateway.GetValueOrDefault(row.GatewayId) + taken.GetValueOrDefault(row.GatewayId);
            if (row.GatewayLimit is { } limit && busy >= limit) continue;
            taken[row.GatewayId] = taken.GetValueOrDefault(row.GatewayId) + 1;
            picked.Add(row);
        }
        return picked;
    }

    /// <summary>The run's final status once every row is final (null while some row may still change).</summary>
    public static string? Outcome(IReadOnlyCollection<Row> rows, bool stopped)
    {
        if (rows.Any(r => !FleetStatuses.IsFinal(r.Status))) return null;
        if (stopped) return FleetStatuses.Stopped;
        return rows.Any(r => FleetStatuses.IsFailure(r.Status)) ? FleetStatuses.Failed : FleetStatuses.Completed;
    }
}
