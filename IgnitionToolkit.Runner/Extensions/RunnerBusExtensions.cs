using IgnitionToolkit.Runner.Messaging;
using IgnitionToolkit.Runner.Options;
using MassTransit;
using IgnitionToolkit.Contracts.Bus;

namespace IgnitionToolkit.Runner.Extensions;

/// <summary>MassTransit on RabbitMQ: the shared executions queue (one delivery at a time) and this Runner's own
/// durable queue (expiring once unused) for the published control commands. MassTransit adds its own health checks.</summary>
public static class RunnerBusExtensions
{
    public static IHostApplicationBuilder AddRunnerBus(this IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var prefix = configuration[BusEndpoints.PrefixKey];

        builder.Services.AddMassTransit(x =>
        {
            x.AddConsumer<StartExecutionConsumer>();
            x.AddConsumer<ControlExecutionConsumer>();
            x.UsingRabbitMq((context, cfg) =>
            {
                cfg.Host(MessagingUri(configuration));
                cfg.UseBusPrefix(prefix);
                cfg.ReceiveEndpoint(BusEndpoints.ExecutionsQueue(prefix), e =>
                {
                    e.PrefetchCount = 1;
                    e.ConcurrentMessageLimit = 1;
                    e.ConfigureConsumer<StartExecutionConsumer>(context);
                });
                cfg.ReceiveEndpoint(BusEndpoints.RunnerControlQueue(prefix, context.GetRequiredService<RunnerIdentity>().Id), e =>
                {
                    // Durable, and removed by the broker once unused for a while (a Runner that is gone): a command
                    // published while this Runner reconnects after a broker restart waits here instead of being dropped.
                    e.AutoDelete = false;
                    e.Durable = true;
                    e.QueueExpiration = BusEndpoints.RunnerControlQueueExpiry;
                    e.ConfigureConsumer<ControlExecutionConsumer>(context);
                });
            });
        });
        builder.Services.Configure<MassTransitHostOptions>(o =>
        {
            o.WaitUntilStarted = true;
            o.StartTimeout = TimeSpan.FromSeconds(30);
            o.StopTimeout = TimeSpan.FromSeconds(3);
        });
        return builder;
    }

    /// <summary>Puts the <see cref="BusEndpoints.EntityPrefix"/> in front of the message-type exchanges (published messages).</summary>
    public static void UseBusPrefix(this IBusFactoryConfigurator configurator, string? prefix)
    {
        var entityPrefix = BusEndpoints.EntityPrefix(prefix);
        if (entityPrefix.Length == 0) return;
        configurator.MessageTopology.SetEntityNameFormatter(
            new PrefixEntityNameFormatter(configurator.MessageTopology.EntityNameFormatter, entityPrefix));
    }

    /// <summary>The <c>messaging</c> connection string as an amqp:// URI, with a clear error when missing or malformed.</summary>
    public static Uri MessagingUri(IConfiguration configuration)
    {
        var value = configuration.GetConnectionString(BusEndpoints.ConnectionStringName);
        if (string.IsNullOrWhiteSpace(value))
            throw new InvalidOperationException(
                $"ConnectionStrings:{BusEndpoints.ConnectionStringName} is not set; give the RabbitMQ URI, e.g. amqp://guest:guest@127.0.0.1:5672");
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != "amqp" && uri.Scheme != "amqps"))
            throw new InvalidOperationException(
                $"ConnectionStrings:{BusEndpoints.ConnectionStringName} must be an amqp:// or amqps:// URI");
        return uri;
    }
}
