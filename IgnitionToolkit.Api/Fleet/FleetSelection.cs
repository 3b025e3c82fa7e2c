using IgnitionToolkit.Api.Gateways;

namespace IgnitionToolkit.Api.Fleet;

/// <summary>Which gateways a fleet run targets: those named in <see cref="Gateways"/>, plus those that carry every tag
/// of <see cref="Tags"/> (keys and values compared without case). Both may be given; at least one.</summary>
public sealed record FleetSelection(IReadOnlyList<string>? Gateways = null, IReadOnlyDictionary<string, string>? Tags = null)
{
    public bool IsEmpty => (Gateways is null || Gateways.Count == 0) && (Tags is null || Tags.Count == 0);

    /// <summary>The matching gateways ordered by name, and the names of <see cref="Gateways"/> that are not in the inventory.</summary>
    public (List<GatewayRecord> Matched, List<string> UnknownNames) Apply(IEnumerable<GatewayRecord> inventory)
    {
        var all = inventory.OrderBy(g => g.Name, StringComparer.Ordinal).ToList();
        var names = new HashSet<string>(Gateways ?? [], StringComparer.Ordinal);
        var wanted = (Tags ?? new Dictionary<string, string>())
            .Select(t => (Key: t.Key.Trim().ToLowerInvariant(), Value: t.Value.Trim())).ToList();
        var matched = all.Where(g => names.Contains(g.Name) || (wanted.Count > 0 && HasTags(g, wanted))).ToList();
        var unknown = names.Where(n => all.All(g => g.Name != n)).Order(StringComparer.Ordinal).ToList();
        return (matched, unknown);
    }

    private static bool HasTags(GatewayRecord gateway, List<(string Key, string Value)> wanted)
    {
        var tags = GatewayRules.TagsOf(gateway);
        return wanted.All(w => tags.TryGetValue(w.Key, out var value) && string.Equals(value, w.Value, StringComparison.OrdinalIgnoreCase));
    }
}
