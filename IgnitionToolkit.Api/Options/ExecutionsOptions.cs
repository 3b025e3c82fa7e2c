using IgnitionToolkit.Api.Messaging;
using IgnitionToolkit.ServiceDefaults.Configuration;

namespace IgnitionToolkit.Api.Options;

/// <summary>Section <c>Toolkit:Executions</c>. <c>HeartbeatTimeout</c>: seconds (<c>30</c>) or a time span (<c>00:00:30</c>);
/// a running execution whose Runner is silent that long becomes <c>interrupted</c> (read by <see cref="HeartbeatMonitorOptions"/>).</summary>
public sealed class ExecutionsOptions
{
    public const string Section = "Toolkit:Executions";

    public string? HeartbeatTimeout { get; set; }

    public static Action<ExecutionsOptions, SettingRules> Rules(IConfiguration configuration) => (_, rules) =>
    {
        string? problem = null;
        try
        {
            HeartbeatMonitorOptions.From(configuration);
        }
        catch (InvalidOperationException)
        {
            problem = configuration[HeartbeatMonitorOptions.TimeoutKey];
        }
        rules.Check(problem is null, HeartbeatMonitorOptions.TimeoutKey,
            $"must be a positive duration: seconds (30) or hh:mm:ss (was '{problem}')");
    };
}
