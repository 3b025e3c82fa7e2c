namespace IgnitionToolkit.GatewaySimulator.State;

public enum GatewayPhase
{
    Running,
    /// <summary>The gateway process is down: connections are dropped.</summary>
    Refusing,
    /// <summary>StatusPing answers STARTING, the rest 503.</summary>
    Starting,
}

/// <summary>A phase that a restart stays in, however long it takes, until the hold changes: lets a test observe a phase
/// on a machine of any speed (<c>POST /__simulator/restart-hold</c>).</summary>
public enum RestartHold
{
    None,
    Refusing,
    Starting,
    /// <summary>Back to RUNNING with the modules still LOADING.</summary>
    ModulesLoading,
}

/// <summary>The restart state machine, driven by the clock (no timers): the phase is computed on every request.
/// A <see cref="Hold"/> keeps it in one phase; released, the next phase starts then, with its full duration.</summary>
public sealed class GatewayLifecycle(TimeProvider clock, RestartOptions initialTiming, FaultState faults)
{
    private readonly Lock _gate = new();
    private RestartOptions _timing = initialTiming.Copy();
    private DateTimeOffset? _restartRequestedAt;
    private TimeSpan _startingFor;
    private DateTimeOffset _runningSince = clock.GetUtcNow();
    private DateTimeOffset _modulesLoadingUntil = DateTimeOffset.MinValue;

    private int _restartCount;
    private RestartHold _hold;
    private bool _refusingSeen, _startingSeen, _loadingUnseen;

    /// <summary>Restarts since start or reset; web sessions from an earlier generation are void.</summary>
    public int RestartCount => Volatile.Read(ref _restartCount);

    public RestartOptions Timing
    {
        get { lock (_gate) { return _timing.Copy(); } }
        set { lock (_gate) { _timing = value.Copy(); } }
    }

    public RestartHold Hold
    {
        get { lock (_gate) { return _hold; } }
        set
        {
            lock (_gate)
            {
                var now = clock.GetUtcNow();
                var phase = PhaseLocked(now);
                if (_restartRequestedAt is { } && phase != GatewayPhase.Running && value != _hold)
                {
                    // Leaving the held phase: re-anchor the restart so that the phase after it begins now.
                    var refuseFor = RefuseForLocked();
                    if (_hold == RestartHold.Refusing && phase == GatewayPhase.Refusing) _restartRequestedAt = now - _timing.Delay - refuseFor;
                    else if (_hold == RestartHold.Starting && phase == GatewayPhase.Starting) _restartRequestedAt = now - _timing.Delay - _startingFor;
                }
                if (_hold == RestartHold.ModulesLoading && value != RestartHold.ModulesLoading && _modulesLoadingUntil == DateTimeOffset.MaxValue)
                    _modulesLoadingUntil = now;
                _hold = value;
                PhaseLocked(now);
            }
        }
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
                return PhaseLocked(now) == GatewayPhase.Running && (now < _modulesLoadingUntil || _loadingUnseen);
            }
        }
    }

    /// <summary>The phase for a client's request, which counts as the client having met it (<see cref="RestartOptions.ObserveEachPhase"/>).</summary>
    public GatewayPhase PhaseSeenByClient()
    {
        lock (_gate)
        {
            var phase = PhaseLocked(clock.GetUtcNow());
            if (phase == GatewayPhase.Refusing) _refusingSeen = true;
            else if (phase == GatewayPhase.Starting) _startingSeen = true;
            return phase;
        }
    }

    /// <summary><see cref="ModulesLoading"/> as answered to a client, which counts as the client having met it.</summary>
    public bool ModulesLoadingSeenByClient()
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            var loading = PhaseLocked(now) == GatewayPhase.Running && (now < _modulesLoadingUntil || _loadingUnseen);
            if (loading) _loadingUnseen = false;
            return loading;
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
            _refusingSeen = _startingSeen = false;
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
            _hold = RestartHold.None;
            _loadingUnseen = false;
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
        var refuseFor = RefuseForLocked();
        var observe = _timing.ObserveEachPhase;
        if (now < downAt + refuseFor || _hold == RestartHold.Refusing || (observe && refuseFor > TimeSpan.Zero && !_refusingSeen))
        {
            return GatewayPhase.Refusing;
        }
        var upAt = downAt + _startingFor;
        if (now < upAt || _hold == RestartHold.Starting || (observe && _startingFor > refuseFor && !_startingSeen))
        {
            return GatewayPhase.Starting;
        }
        _loadingUnseen = observe && _timing.ModuleLoadDuration > TimeSpan.Zero;
        _restartRequestedAt = null;
        _runningSince = upAt;
        _modulesLoadingUntil = _hold == RestartHold.ModulesLoading ? DateTimeOffset.MaxValue : upAt + _timing.ModuleLoadDuration;
        return GatewayPhase.Running;
    }

    private TimeSpan RefuseForLocked() => _timing.RefuseConnectionsFor < _startingFor ? _timing.RefuseConnectionsFor : _startingFor;
}
