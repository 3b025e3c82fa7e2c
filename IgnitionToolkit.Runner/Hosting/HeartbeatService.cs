using IgnitionToolkit.Core.Messaging;
using IgnitionToolkit.Runner.Execution;
using IgnitionToolkit.Runner.Options;
using MassTransit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IgnitionToolkit.Runner.Hosting;

/// <summary>Publishes <see cref="RunnerHeartbeat"/> every <c>Runner:HeartbeatInterval</c> while this Runner owns
/// at least one execution (an idle Runner is silent).</summary>
public sealed partial class HeartbeatService(
    ExecutionRegistry registry,
    RunnerIdentity identity,
    IBus bus,
    IOptions<RunnerOptions> options,
    ILogger<HeartbeatService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.HeartbeatInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                var owned = registry.OwnedIds;
                if (owned.Count == 0) continue;
                try
                {
                    await bus.Publish(new RunnerHeartbeat(identity.Id, owned, registry.Capacity, DateTimeOffset.UtcNow), stoppingToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
                {
                    LogFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Heartbeat could not be published")]
    private static partial void LogFailed(ILogger logger, Exception ex);
}
