namespace IgnitionToolkit.GatewaySimulator.State;

public enum GatewayPhase
{
    Running,
    /// <summary>The gateway process is down: connections are dropped.</summary>
    Refusing,
    /// <summary>StatusPing answers STARTING, the rest 503.</summary>
    Starting,
}

/// <summary>The restart state machine, driven by the clock (no timers): the phase is computed on every request.</summary>
public sealed class GatewayLifecycle(TimeProvider clock, RestartOptions initialTiming, FaultState faults)
{
    private readonly Lock _gate = new();
    private RestartOptions _timing = initialTiming.Copy();
    private DateTimeOffset? _restartRequestedAt;
    private TimeSpan _startingFor;
    private DateTimeOffset _runningSince = clock.GetUtcNow();
    private DateTimeOffset _modulesLoadingUntil = DateTimeOffset.MinValue;

    private int _restartCount;

    /// <summary>Restarts since start or reset; web sessions from an earlier generation are void.</summary>
    public int RestartCount => Volatile.Read(ref _restartCount);

    public RestartOptions Timing
    {
        get { lock (_gate) { return _timing.Copy(); } }
        set { lock (_gate) { _timing = value.Copy(); } }
    }

    public GatewayPhase Phase
    {
        get { lock (_gate) { return PhaseLocked(clock.GetUtcNow()); } }
    }

    /// <summary>When the gateway last became RUNNING (uptime origin).</summary>
    public DateTimeOffset RunningSince
    {
        get { lock (_gate) { PhaseLocked(clock.GetUtcNow()); return _runningSince; } }
    }

    public bool ModulesLoading
    {
        get
        {
            lock (_gate)
            {
                var now = clock.GetUtcNow();
                return PhaseLocked(now) == GatewayPhase.Running && now < _modulesLoadingUntil;
            }
        }
    }

    public bool RestartInProgress
    {
        get { lock (_gate) { PhaseLocked(clock.GetUtcNow()); return _restartRequestedAt is not null; } }
    }

    /// <summary>Schedules a restart; returns false when one is already in progress.</summary>
    public bool BeginRestart()
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            PhaseLocked(now);
            if (_restartRequestedAt is not null)
            {
                return false;
            }
            _restartRequestedAt = now;
            var downtime = _timing.Duration + TimeSpan.FromMilliseconds(faults.Current.SlowRestartMs);
            _startingFor = downtime;
            Interlocked.Increment(ref _restartCount);
            return true;
        }
    }

    /// <summary>Back to RUNNING immediately with no restart in progress (used by <c>/__simulator/reset</c>).</summary>
    public void Reset(RestartOptions timing)
    {
        lock (_gate)
        {
            _timing = timing.Copy();
            _restartRequestedAt = null;
            _runningSince = clock.GetUtcNow();
            _modulesLoadingUntil = DateTimeOffset.MinValue;
            Interlocked.Exchange(ref _restartCount, 0);
        }
    }

    private GatewayPhase PhaseLocked(DateTimeOffset now)
    {
        if (_restartRequestedAt is not { } requested)
        {
            return GatewayPhase.Running;
        }
        var downAt = requested + _timing.Delay;
        if (now < downAt)
        {
            return GatewayPhase.Running;
        }
        var refuseFor = _timing.RefuseConnectionsFor < _startingFor ? _timing.RefuseConnectionsFor : _startingFor;
        if (now < downAt + refuseFor)
        {
            return GatewayPhase.Refusing;
        }
        var upAt = downAt + _startingFor;
        if (now < upAt)
        {
            return GatewayPhase.Starting;
        }
        _restartRequestedAt = null;
        _runningSince = upAt;
        _modulesLoadingUntil = upAt + _timing.ModuleLoadDuration;
        return GatewayPhase.Running;
    }
}
