using IgnitionToolkit.Api.Live;
using IgnitionToolkit.Api.Executions.Projection;
using IgnitionToolkit.Api.Messaging;
using MassTransit;
using IgnitionToolkit.Contracts.Bus;

namespace IgnitionToolkit.Api.Cluster;

/// <summary>
/// What lets several API instances serve one toolkit (docs/deployment.md): live events (while other instances are
/// present: <see cref="ApiPeers"/>), user-session changes, API token revocations and presence fan out to every
/// instance through one temporary queue per instance; Runner presence, login failures and job leases live
/// in the shared database (<see cref="Persistence.Configurations.RunnerRecordConfiguration"/> and its neighbours).
/// </summary>
public static class ClusterExtensions
{
    public const string InstanceQueueName = "toolkit-api-instance";

    public static WebApplicationBuilder AddToolkitCluster(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ApiInstance>();
        builder.Services.AddSingleton<JobLeases>();
        builder.Services.AddSingleton<HubExecutionEventNotifier>();
        builder.Services.AddSingleton<LiveEventDelivery>();
        builder.Services.AddSingleton<IExecutionEventNotifier>(sp => sp.GetRequiredService<LiveEventDelivery>());
        builder.Services.AddHostedService(sp => sp.GetRequiredService<LiveEventDelivery>());
        builder.Services.AddSingleton<ApiPeers>();
        builder.Services.AddSingleton<ApiPresence>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ApiPresence>());
        builder.Services.AddSingleton<InstanceQueueReadiness>();
        builder.Services.AddReceiveEndpointObserver(sp => sp.GetRequiredService<InstanceQueueReadiness>());
        builder.Services.AddHealthChecks().AddCheck<ApiInstancesHealthCheck>(ApiInstancesHealthCheck.Name, tags: [ServiceDefaultsExtensions.InformationalHealthTag]);
        return builder;
    }

    /// <summary>This instance's own auto-delete queue, bound to the fan-out messages; one message at a time so that live
    /// events reach clients in the order they were published.</summary>
    public static void AddToolkitInstanceConsumers(this IBusRegistrationConfigurator bus, string? prefix)
    {
        var queue = $"{BusEndpoints.EntityPrefix(prefix)}{InstanceQueueName}-{Guid.NewGuid():N}";
        bus.AddConsumer<LiveEventsConsumer>().Endpoint(e => { e.Name = queue; e.Temporary = true; e.ConcurrentMessageLimit = 1; });
        bus.AddConsumer<UserSessionChangedConsumer>().Endpoint(e => { e.Name = queue; e.Temporary = true; e.ConcurrentMessageLimit = 1; });
        bus.AddConsumer<ApiTokenRevokedConsumer>().Endpoint(e => { e.Name = queue; e.Temporary = true; e.ConcurrentMessageLimit = 1; });
        bus.AddConsumer<ApiPresenceConsumer>().Endpoint(e => { e.Name = queue; e.Temporary = true; e.ConcurrentMessageLimit = 1; });
    }
}
