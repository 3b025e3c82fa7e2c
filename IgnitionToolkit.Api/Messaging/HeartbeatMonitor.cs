using IgnitionToolkit.Core.Execution.Status;
using System.Globalization;
using IgnitionToolkit.Api.Cluster;
using IgnitionToolkit.Api.Executions;
using IgnitionToolkit.Api.Persistence;
using IgnitionToolkit.Core.Execution;
using Microsoft.EntityFrameworkCore;
using IgnitionToolkit.Contracts;
using IgnitionToolkit.Contracts.Bus;

namespace IgnitionToolkit.Api.Messaging;

/// <summary>Settings of <see cref="HeartbeatMonitor"/>: <c>Toolkit:Executions:HeartbeatTimeout</c> (seconds or hh:mm:ss, default
/// 15 s: five missed heartbeats of a Runner at its default <c>Runner:HeartbeatInterval</c> of 3 s).</summary>
public sealed record HeartbeatMonitorOptions(TimeSpan Timeout)
{
    public const string TimeoutKey = "Toolkit:Executions:HeartbeatTimeout";
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);

    /// <summary>How often executions are checked: a third of the timeout, between 0.5 and 5 seconds.</summary>
    public TimeSpan CheckInterval => TimeSpan.FromMilliseconds(Math.Clamp(Timeout.TotalMilliseconds / 3, 500, 5000));

    public static HeartbeatMonitorOptions From(IConfiguration configuration)
    {
        var raw = configuration[TimeoutKey];
        if (string.IsNullOrWhiteSpace(raw)) return new(DefaultTimeout);
        if (double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0)
            return new(TimeSpan.FromSeconds(seconds));
        if (TimeSpan.TryParse(raw, CultureInfo.InvariantCulture, out var span) && span > TimeSpan.Zero)
            return new(span);
        throw new InvalidOperationException($"{TimeoutKey} must be a positive number of seconds or a time span (hh:mm:ss), not '{raw}'");
    }
}

/// <summary>Marks running or paused executions whose Runner stopped sending heartbeats as <c>interrupted</c>,
/// so no execution stays running forever. Silence is only counted while this monitor could watch: from its start and
/// from the end of a database outage, since heartbeats that arrived meanwhile wait in the queue and are recorded
/// next (an API down or cut off from its database for longer than the timeout must not interrupt live executions).
/// Nor is it counted while this API is cut off from the broker (heartbeats cannot reach it then either), nor for
/// <see cref="ReconnectGrace"/> after the broker is back: each Runner reconnects on its own backoff, and a loaded machine
/// took longer than the 15 s timeout to bring a Runner back after a RabbitMQ restart (a live execution was interrupted).
/// At start-up the bus is not down but connecting: silence counts from when it is up, and the grace is only given when
/// connecting took longer than the timeout (the broker was unreachable, so the Runners may have been cut off as well) —
/// otherwise every API start would delay noticing a dead Runner by a minute.
/// Of several API instances, only the holder of the job's lease checks.</summary>
public sealed class HeartbeatMonitor(
    IServiceScopeFactory scopes, HeartbeatMonitorOptions options, TimeProvider clock, JobLeases leases, ILogger<HeartbeatMonitor> logger,
    BrokerConnection? broker = null) : BackgroundService
{
    /// <summary>How long the Runners get to reconnect after a broker outage before their silence counts again.</summary>
    public static readonly TimeSpan ReconnectGrace = TimeSpan.FromMinutes(1);

    private DateTimeOffset? _watchingSince;
    private bool _brokerWasDown;
    /// <summary>When this monitor started, until the bus was first up (null from then).</summary>
    private DateTimeOffset? _connectingSince;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.CheckInterval, clock);
        _connectingSince = clock.GetUtcNow();
        do
        {
            try
            {
                if (broker is { IsUp: false })
                {
                    _watchingSince = null; // a broker outage is no Runner's silence: count again once it is back
                    _brokerWasDown = _connectingSince is null || clock.GetUtcNow() - _connectingSince > options.Timeout;
                    continue;
                }
                _connectingSince = null;
                if (_brokerWasDown)
                {
                    _brokerWasDown = false;
                    _watchingSince = clock.GetUtcNow() + ReconnectGrace; // silence counts once the Runners had time to reconnect
                }
                // the lease outlives a few missed passes, so a busy holder keeps it; a dead one loses it within that time
                if (await leases.TryAcquireAsync(JobLeases.HeartbeatMonitor, 3 * options.CheckInterval, stoppingToken))
                    await CheckAsync(stoppingToken);
                else
                    _watchingSince = null; // another instance watches; if this one takes over, it counts silence from then
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _watchingSince = null; // heartbeats could not be recorded either: count silence again from the next good check
                logger.LogError(ex, "Heartbeat check failed");
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try
        {
            return await timer.WaitForNextTickAsync(ct);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>One pass: returns how many executions were marked interrupted.</summary>
    public async Task<int> CheckAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ToolkitDbContext>();
        var now = clock.GetUtcNow();
        var watched = StatusRules.OwnedByRunner;
        var live = await db.Executions.Where(e => watched.Contains(e.Status)).ToListAsync(ct);
        var since = _watchingSince ??= now;
        var stale = live.Where(e => now - Max(e.LastHeartbeatAt ?? e.StartedAt ?? e.CreatedAt, since) > options.Timeout).ToList();
        return await scope.ServiceProvider.GetRequiredService<ExecutionInterruption>()
            .InterruptAsync(stale, e => $"runner {e.RunnerId ?? "(unknown)"} stopped sending heartbeats", now, ct);
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}

/// <summary>Whether heartbeats can reach this API: its heartbeats endpoint is healthy in MassTransit's own health of the
/// bus (or, without that endpoint, the whole bus is). Not "anything but unhealthy": while the broker is down the bus
/// reports <c>Degraded</c> as long as one endpoint is not yet faulted, and a loaded run saw a live execution interrupted
/// during a RabbitMQ restart that way.</summary>
public sealed class BrokerConnection(MassTransit.IBusControl bus)
{
    public bool IsUp
    {
        get
        {
            var health = bus.CheckHealth();
            if (health.Status == MassTransit.BusHealthStatus.Unhealthy) return false;
            foreach (var (address, endpoint) in health.Endpoints)
                if (address.EndsWith(BusEndpoints.ApiHeartbeatsQueueName, StringComparison.Ordinal))
                    return endpoint.Status == MassTransit.BusHealthStatus.Healthy;
            return health.Status == MassTransit.BusHealthStatus.Healthy;
        }
    }
}
