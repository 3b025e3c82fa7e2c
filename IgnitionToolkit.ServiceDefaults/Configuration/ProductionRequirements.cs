namespace IgnitionToolkit.ServiceDefaults.Configuration;

/// <summary>Settings a service cannot run without in Production (key → what it is), added by each service.</summary>
public sealed class ProductionRequirements
{
    public Dictionary<string, string> Required { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Secrets whose well-known values (development defaults shipped with the toolkit) are refused in Production.</summary>
    public Dictionary<string, HashSet<string>> KnownDefaults { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Keys (base64 of 32 bytes) required in Production and checked with <see cref="KeySetting"/>: setting → meaning.</summary>
    public Dictionary<string, string> Keys { get; } = new(StringComparer.OrdinalIgnoreCase);
}
