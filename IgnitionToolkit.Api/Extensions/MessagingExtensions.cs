using IgnitionToolkit.Api.Executions.Projection;
using IgnitionToolkit.Api.Cluster;
using IgnitionToolkit.Api.Live;
using IgnitionToolkit.Api.Messaging;
using MassTransit;
using IgnitionToolkit.Contracts.Bus;

namespace IgnitionToolkit.Api.Extensions;

/// <summary>MassTransit over RabbitMQ (connection string <c>messaging</c>, an amqp:// URI) with the toolkit's naming
/// convention (<see cref="BusEndpoints"/>), the event and heartbeat consumers, and the heartbeat monitor.</summary>
public static class MessagingExtensions
{
    public const string DefaultBrokerUri = "amqp://guest:guest@localhost:5672/";
    public const string WaitUntilStartedKey = "Toolkit:Bus:WaitUntilStarted";

    public static WebApplicationBuilder AddToolkitMessaging(this WebApplicationBuilder builder)
    {
        var settings = BusSettings.From(builder.Configuration);
        var broker = new Uri(builder.Configuration.GetConnectionString(BusEndpoints.ConnectionStringName) ?? DefaultBrokerUri);
        builder.Services.AddSingleton(settings);
        builder.Services.AddScoped<ExecutionEventApplier>();

        builder.Services.AddMassTransit(x =>
        {
            x.AddConsumer<ExecutionEventConsumer>(c => c.Options<BatchOptions>(o => o
                    .SetMessageLimit(ExecutionEventConsumer.BatchSize)
                    .SetTimeLimit(ExecutionEventConsumer.BatchWindow)
                    .SetConcurrencyLimit(1))) // one batch at a time: events are applied in order
                .Endpoint(e => e.Name = BusEndpoints.ApiEventsQueue(settings.Prefix));
            x.AddToolkitLiveConsumers(settings.Prefix);
            x.AddToolkitInstanceConsumers(settings.Prefix);
            x.AddConsumer<RunnerHeartbeatConsumer>().Endpoint(e => e.Name = BusEndpoints.ApiHeartbeatsQueue(settings.Prefix));
            x.UsingRabbitMq((context, cfg) =>
            {
                cfg.ConfigureBroker(broker);
                var prefix = BusEndpoints.EntityPrefix(settings.Prefix);
                if (prefix.Length > 0)
                    cfg.MessageTopology.SetEntityNameFormatter(new PrefixEntityNameFormatter(cfg.MessageTopology.EntityNameFormatter, prefix));
                cfg.UseMessageRetry(r => r.Intervals(100, 500, 1000, 2000));
                cfg.ConfigureEndpoints(context);
            });
        });
        builder.Services.Configure<MassTransitHostOptions>(o =>
        {
            o.WaitUntilStarted = builder.Configuration.GetValue(WaitUntilStartedKey, false);
            o.StartTimeout = TimeSpan.FromSeconds(30);
            o.StopTimeout = TimeSpan.FromSeconds(10);
        });

        builder.Services.AddSingleton(_ => HeartbeatMonitorOptions.From(builder.Configuration)); // validated at start-up (ExecutionsOptions)
        builder.Services.AddSingleton<BrokerConnection>();
        builder.Services.AddSingleton<HeartbeatMonitor>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<HeartbeatMonitor>());
        return builder;
    }

    /// <summary>Host, port, virtual host and credentials from an <c>amqp://user:password@host:port/vhost</c> URI.</summary>
    public static void ConfigureBroker(this IRabbitMqBusFactoryConfigurator cfg, Uri broker)
    {
        var port = broker.IsDefaultPort || broker.Port <= 0 ? 5672 : broker.Port;
        var vhost = Uri.UnescapeDataString(broker.AbsolutePath.TrimStart('/'));
        var credentials = broker.UserInfo.Split(':', 2);
        cfg.Host(broker.Host, (ushort)port, vhost.Length == 0 ? "/" : vhost, h =>
        {
            if (credentials[0].Length > 0) h.Username(Uri.UnescapeDataString(credentials[0]));
            if (credentials.Length > 1) h.Password(Uri.UnescapeDataString(credentials[1]));
        });
    }
}
