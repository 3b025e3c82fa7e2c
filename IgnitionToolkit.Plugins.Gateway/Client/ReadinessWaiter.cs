using System.Globalization;
using System.Net;
using IgnitionToolkit.Core.Plugins;
using Microsoft.Extensions.Logging;

namespace IgnitionToolkit.Plugins.Gateway.Client;

/// <param name="Restart">A restart this session asked for: ready also requires seeing the gateway down, or an uptime that
/// shows the restart has happened (when the overview is readable).</param>
public sealed record ReadinessOptions(TimeSpan Timeout, TimeSpan PollInterval, TimeSpan InitialDelay, bool WaitForModules,
    RestartMark? Restart = null);

public sealed record ReadinessResult(string State, TimeSpan Waited, int Polls);

/// <summary>
/// Waits until a gateway is truly up: StatusPing RUNNING, the 8.3 web API answering (gateway-info 200 or 401),
/// and (optionally) no module still loading. Connection refused, STARTING and 503 are expected on the way.
/// Success is never reported before <see cref="ReadinessOptions.InitialDelay"/> has passed and, after a restart requested
/// by this session, before the restart was seen (the gateway down, or a new uptime), so a restart that has not yet taken
/// the gateway down is not mistaken for a finished one.
/// </summary>
public sealed class ReadinessWaiter(GatewayClient client, ILogger logger, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    public async Task<ReadinessResult> WaitAsync(ReadinessOptions options, CancellationToken cancellationToken)
    {
        var start = _clock.GetUtcNow();
        var deadline = start + options.Timeout;
        var floor = start + options.InitialDelay;
        var last = "not polled yet";
        var polls = 0;
        var restartSeen = options.Restart is null;
        while (true)
        {
            var remaining = deadline - _clock.GetUtcNow();
            var probe = await ProbeAsync(options.WaitForModules, Clamp(remaining, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10)), cancellationToken);
            polls++;
            if (!probe.Up) restartSeen = true;
            else if (!restartSeen) (restartSeen, probe) = await CheckRestartedAsync(options.Restart!, probe, cancellationToken);
            if (probe.State != last) logger.LogStep($"gateway {client.Gateway}: {probe.State}");
            last = probe.State;
            var now = _clock.GetUtcNow();
            if (probe.Up && now >= floor && restartSeen)
            {
                client.PendingRestart = null;
                return new ReadinessResult(probe.State, now - start, polls);
            }
            if (now >= deadline)
                throw new GatewayException(GatewayFailure.Timeout, string.Create(CultureInfo.InvariantCulture,
                    $"the gateway at {client.Gateway} was not ready after {options.Timeout.TotalSeconds:0.#} s; last state seen: {last}"));
            var delay = options.PollInterval;
            if (probe.Up && floor - now < delay) delay = floor - now;
            if (deadline - now < delay) delay = deadline - now;
            await Task.Delay(Clamp(delay, TimeSpan.FromMilliseconds(50), TimeSpan.MaxValue), _clock, cancellationToken);
        }
    }

    /// <summary>Up, but has the requested restart happened yet? Unknown (no readable uptime) counts as yes: the floor decides.</summary>
    private async Task<(bool Seen, ReadinessProbe Probe)> CheckRestartedAsync(RestartMark mark, ReadinessProbe probe, CancellationToken cancellationToken)
    {
        var restarted = mark.RestartedBy(await client.UptimeAsync(cancellationToken, probe: true), _clock.GetUtcNow());
        return restarted is false
            ? (false, probe with { Up = false, State = $"{probe.State}, restart not begun yet" })
            : (true, probe);
    }

    /// <summary>One readiness probe; never throws for gateway or network failures (they are states on the way up).</summary>
    public async Task<ReadinessProbe> ProbeAsync(bool checkModules, TimeSpan probeTimeout, CancellationToken cancellationToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(probeTimeout);
        try
        {
            var ping = await client.StatusPingAsync(cts.Token, probe: true);
            if (!ping.IsRunning) return new ReadinessProbe(false, true, ping.ToString());

            using var info = await client.SendAsync(HttpMethod.Get, GatewayClient.ApiPrefix + "/gateway-info", null, CallKind.Probe,
                "read the gateway information", cts.Token, renewSession: checkModules); // 401 already means "up"
            var status = info.StatusCode;
            if (status is HttpStatusCode.ServiceUnavailable or HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout)
                return new ReadinessProbe(false, true, $"{ping} but the web API still answers {(int)status} (starting)");
            if (!checkModules || status != HttpStatusCode.OK)
            {
                var note = status == HttpStatusCode.OK || !checkModules ? "" : " (modules not checked: not logged in)";
                return new ReadinessProbe(true, true, ping + note);
            }
            return await ModulesProbeAsync(ping, cts.Token);
        }
        catch (GatewayException ex) when (ex.Failure != GatewayFailure.WrongPassword)
        {
            return new ReadinessProbe(false, ex.Failure != GatewayFailure.Unreachable, Describe(ex));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new ReadinessProbe(false, false, string.Create(CultureInfo.InvariantCulture, $"no answer within {probeTimeout.TotalSeconds:0.#} s"));
        }
    }

    private async Task<ReadinessProbe> ModulesProbeAsync(StatusPing ping, CancellationToken cancellationToken)
    {
        try
        {
            var modules = await client.ListModulesAsync(cancellationToken, probe: true);
            var loading = modules.Where(m => m.IsLoading).Select(m => string.IsNullOrEmpty(m.Name) ? m.Id : m.Name).ToList();
            return loading.Count == 0
                ? new ReadinessProbe(true, true, ping.ToString())
                : new ReadinessProbe(false, true, $"{ping}, modules still loading: {string.Join(", ", loading)}");
        }
        catch (GatewayException ex) when (ex.Failure is GatewayFailure.Unauthorized or GatewayFailure.Forbidden or GatewayFailure.NotFound)
        {
            return new ReadinessProbe(true, true, $"{ping} (modules not checked: {(int?)ex.StatusCode})");
        }
    }

    private static string Describe(GatewayException ex) => ex.Failure switch
    {
        GatewayFailure.Unreachable when ex.Message.Contains("connection refused", StringComparison.Ordinal) => "down (connection refused)",
        GatewayFailure.Unreachable => "down (connection dropped or unreachable)",
        GatewayFailure.Starting => "STARTING (503 Service Unavailable)",
        GatewayFailure.Timeout => "not answering (request timed out)",
        _ when ex.StatusCode is { } code => $"StatusPing answered {(int)code} {code}",
        _ => "unexpected answer to StatusPing",
    };

    private static TimeSpan Clamp(TimeSpan value, TimeSpan min, TimeSpan max) => value < min ? min : value > max ? max : value;
}
