namespace IgnitionToolkit.ServiceDefaults.Configuration;

/// <summary>Settings a service cannot run without in Production (key → what it is), added by each service.</summary>
public sealed class ProductionRequirements
{
    public Dictionary<string, string> Required { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Secrets whose well-known values (development defaults shipped with the toolkit) are refused in Production.</summary>
    public Dictionary<string, HashSet<string>> KnownDefaults { get; } = new(StringComparer.OrdinalIgnoreCase);
}
