using IgnitionToolkit.Hosting.Bus;
using IgnitionToolkit.Runner.Messaging;
using IgnitionToolkit.Runner.Options;
using MassTransit;
using IgnitionToolkit.Contracts.Bus;

namespace IgnitionToolkit.Runner.Extensions;

/// <summary>The Runner on the toolkit bus (<see cref="ToolkitBus"/>): the shared executions queue (one delivery at a
/// time) and this Runner's own durable queue (expiring once unused) for the published control commands. MassTransit
/// adds its own health checks.</summary>
public static class RunnerBusExtensions
{
    public static IHostApplicationBuilder AddRunnerBus(this IHostApplicationBuilder builder) =>
        builder.AddToolkitBus(new ToolkitBusHosting(WaitUntilStarted: true, StopTimeout: TimeSpan.FromSeconds(3)),
            (x, _) =>
            {
                x.AddConsumer<StartExecutionConsumer>().ExcludeFromConfigureEndpoints();
                x.AddConsumer<ControlExecutionConsumer>().ExcludeFromConfigureEndpoints();
            },
            (context, cfg, prefix) =>
            {
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
}
