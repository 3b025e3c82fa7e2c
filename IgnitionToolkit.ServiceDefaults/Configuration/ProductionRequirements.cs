namespace IgnitionToolkit.ServiceDefaults.Configuration;

/// <summary>Settings a service cannot run without in Production (key → what it is), added by each service.</summary>
public sealed class ProductionRequirements
{
    public Dictionary<string, string> Required { get; } = new(StringComparer.OrdinalIgnoreCase);
}
