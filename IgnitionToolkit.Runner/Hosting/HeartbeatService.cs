using IgnitionToolkit.Runner.Execution;
using IgnitionToolkit.Runner.Options;
using MassTransit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using IgnitionToolkit.Contracts.Bus;

namespace IgnitionToolkit.Runner.Hosting;

/// <summary>Publishes <see cref="RunnerHeartbeat"/> every <c>Runner:HeartbeatInterval</c> while this Runner owns
/// at least one execution, and a presence heartbeat (no execution listed) at start and every
/// <c>Runner:PresenceInterval</c> while it is idle, so the API knows the Runner is up.</summary>
public sealed partial class HeartbeatService(
    ExecutionRegistry registry,
    RunnerIdentity identity,
    IBus bus,
    IOptions<RunnerOptions> options,
    TimeProvider clock,
    ILogger<HeartbeatService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var tick = settings.HeartbeatInterval < settings.PresenceInterval ? settings.HeartbeatInterval : settings.PresenceInterval;
        using var timer = new PeriodicTimer(tick, clock);
        DateTimeOffset? lastPresence = null;
        try
        {
            do
            {
                var owned = registry.OwnedIds;
                var now = clock.GetUtcNow();
                if (owned.Count == 0 && lastPresence is { } last && now - last < settings.PresenceInterval) continue;
                try
                {
                    await bus.Publish(new RunnerHeartbeat(identity.Id, owned, registry.Capacity, now), stoppingToken).ConfigureAwait(false);
                    if (owned.Count == 0) lastPresence = now; // a failed presence is retried at the next tick
                }
                catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
                {
                    LogFailed(logger, ex);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Heartbeat could not be published")]
    private static partial void LogFailed(ILogger logger, Exception ex);
}
