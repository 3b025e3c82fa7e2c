namespace IgnitionToolkit.ServiceDefaults.Configuration;

/// <summary>Section <c>Toolkit:Health</c>: thresholds of the detailed <c>/health</c> checks.</summary>
public sealed class HealthOptions
{
    public const string Section = "Toolkit:Health";

    /// <summary>Free space of the data folder's disk under which <c>/health</c> reports <c>Degraded</c>, in MB.</summary>
    public long MinimumFreeDiskMB { get; set; } = 500;

    public static void Rules(HealthOptions o, SettingRules rules) =>
        rules.AtLeast(o.MinimumFreeDiskMB, 0, $"{Section}:MinimumFreeDiskMB");
}
