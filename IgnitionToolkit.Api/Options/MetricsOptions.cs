using IgnitionToolkit.ServiceDefaults.Configuration;

namespace IgnitionToolkit.Api.Options;

/// <summary>Section <c>Toolkit:Metrics</c>: how the API samples the database for its gauges.</summary>
public sealed class MetricsOptions
{
    public const string Section = "Toolkit:Metrics";

    /// <summary>How often the running/queued execution gauges are read from the database (default 5 s).</summary>
    public TimeSpan SampleInterval { get; set; } = TimeSpan.FromSeconds(5);

    public static void Rules(MetricsOptions o, SettingRules rules) => rules.Positive(o.SampleInterval, $"{Section}:SampleInterval");
}
