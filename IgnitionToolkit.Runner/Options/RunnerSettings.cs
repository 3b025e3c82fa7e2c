using IgnitionToolkit.ServiceDefaults.Configuration;

namespace IgnitionToolkit.Runner.Options;

/// <summary>The hosted Runner's own settings (section <c>Runner</c>), validated at start-up with messages naming the
/// environment variable. The settings of running steps (<c>Toolkit:Gateway:*</c>, ...) come with <c>AddToolkitSteps</c>,
/// shared with the CLI; the shared service settings with the service defaults.</summary>
public static class RunnerSettings
{
    public static void Rules(RunnerOptions o, SettingRules rules) => rules
        .AtLeast(o.MaxConcurrentExecutions, 1, $"{RunnerOptions.Section}:MaxConcurrentExecutions")
        .Positive(o.HeartbeatInterval, $"{RunnerOptions.Section}:HeartbeatInterval")
        .Positive(o.PresenceInterval, $"{RunnerOptions.Section}:PresenceInterval")
        .Positive(o.SlotWaitTimeout, $"{RunnerOptions.Section}:SlotWaitTimeout")
        .Check(o.ShutdownGracePeriod >= TimeSpan.Zero, $"{RunnerOptions.Section}:ShutdownGracePeriod", "must not be negative");

    public static IServiceCollection AddRunnerSettings(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddToolkitSettings<RunnerOptions>(configuration, RunnerOptions.Section, Rules);
        return services;
    }
}
