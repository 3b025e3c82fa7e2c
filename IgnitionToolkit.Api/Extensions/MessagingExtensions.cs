using IgnitionToolkit.Api.Executions.Projection;
using IgnitionToolkit.Api.Cluster;
using IgnitionToolkit.Api.Live;
using IgnitionToolkit.Api.Messaging;
using IgnitionToolkit.Hosting.Bus;
using MassTransit;
using IgnitionToolkit.Contracts.Bus;

namespace IgnitionToolkit.Api.Extensions;

/// <summary>The API on the toolkit bus (<see cref="ToolkitBus"/>): the event and heartbeat consumers, the live and
/// instance fan-out consumers, and the heartbeat monitor.</summary>
public static class MessagingExtensions
{
    public const string WaitUntilStartedKey = "Toolkit:Bus:WaitUntilStarted";

    public static WebApplicationBuilder AddToolkitMessaging(this WebApplicationBuilder builder)
    {
        var settings = BusSettings.From(builder.Configuration);
        builder.Services.AddSingleton(settings);
        builder.Services.AddScoped<ExecutionEventApplier>();

        var hosting = new ToolkitBusHosting(builder.Configuration.GetValue(WaitUntilStartedKey, false), TimeSpan.FromSeconds(10));
        builder.AddToolkitBus(hosting, (x, prefix) =>
        {
            x.AddConsumer<ExecutionEventConsumer>(c => c.Options<BatchOptions>(o => o
                    .SetMessageLimit(ExecutionEventConsumer.BatchSize)
                    .SetTimeLimit(ExecutionEventConsumer.BatchWindow)
                    .SetConcurrencyLimit(1))) // one batch at a time: events are applied in order
                .Endpoint(e => e.Name = BusEndpoints.ApiEventsQueue(prefix));
            x.AddToolkitLiveConsumers(settings.Prefix);
            x.AddToolkitInstanceConsumers(settings.Prefix);
            x.AddConsumer<RunnerHeartbeatConsumer>().Endpoint(e => e.Name = BusEndpoints.ApiHeartbeatsQueue(prefix));
        });

        builder.Services.AddSingleton(_ => HeartbeatMonitorOptions.From(builder.Configuration)); // validated at start-up (ExecutionsOptions)
        builder.Services.AddSingleton<BrokerConnection>();
        builder.Services.AddSingleton<HeartbeatMonitor>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<HeartbeatMonitor>());
        return builder;
    }
}
