using IgnitionToolkit.Runner.Messaging;
using IgnitionToolkit.Runner.Options;
using MassTransit;

namespace IgnitionToolkit.Runner.Extensions;

/// <summary>MassTransit on RabbitMQ: the shared executions queue (one delivery at a time) and this Runner's own
/// auto-delete queue for the published control commands. MassTransit adds its own health checks.</summary>
public static class RunnerBusExtensions
{
    public static IHostApplicationBuilder AddRunnerBus(this IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var names = RunnerBusNames.From(key => configuration[key]);
        builder.Services.AddSingleton(names);

        builder.Services.AddMassTransit(x =>
        {
            x.AddConsumer<StartExecutionConsumer>();
            x.AddConsumer<ControlExecutionConsumer>();
            x.UsingRabbitMq((context, cfg) =>
            {
                cfg.Host(MessagingUri(configuration));
                names.Apply(cfg);
                cfg.ReceiveEndpoint(names.ExecutionsQueue, e =>
                {
                    e.PrefetchCount = 1;
                    e.ConcurrentMessageLimit = 1;
                    e.ConfigureConsumer<StartExecutionConsumer>(context);
                });
                cfg.ReceiveEndpoint(names.RunnerControlQueue(context.GetRequiredService<RunnerIdentity>().Id), e =>
                {
                    e.AutoDelete = true;
                    e.Durable = false;
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

    /// <summary>The <c>messaging</c> connection string as an amqp:// URI, with a clear error when missing or malformed.</summary>
    public static Uri MessagingUri(IConfiguration configuration)
    {
        var value = configuration.GetConnectionString(RunnerBusNames.ConnectionStringName);
        if (string.IsNullOrWhiteSpace(value))
            throw new InvalidOperationException(
                $"ConnectionStrings:{RunnerBusNames.ConnectionStringName} is not set; give the RabbitMQ URI, e.g. amqp://guest:guest@127.0.0.1:5672");
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != "amqp" && uri.Scheme != "amqps"))
            throw new InvalidOperationException(
                $"ConnectionStrings:{RunnerBusNames.ConnectionStringName} must be an amqp:// or amqps:// URI");
        return uri;
    }
}
