using IgnitionToolkit.Plugins.Gateway.Configuration;
using IgnitionToolkit.Plugins.Gateway.Http;
using IgnitionToolkit.ServiceDefaults.Configuration;

namespace IgnitionToolkit.Runner.Options;

/// <summary>The Runner's own settings (section <c>Runner</c>, gateway client), validated at start-up with messages
/// naming the environment variable; the shared ones come with the service defaults.</summary>
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
        services.AddToolkitSettings<GatewayClientOptions>(configuration, GatewaySettings.Section,
            (o, rules) => GatewaySettings.Rules(o, (valid, key, requirement) => rules.Check(valid, key, requirement)));
        services.RequireInProduction("ConnectionStrings:messaging", "the RabbitMQ URI, amqps://user:password@host:5671/vhost");
        services.RequireKeyInProduction(IgnitionToolkit.Core.Security.CredentialTransport.ConfigurationKey,
            "the key that seals credentials between the API and the Runners, the same on both, base64 of 32 bytes");
        return services;
    }
}
