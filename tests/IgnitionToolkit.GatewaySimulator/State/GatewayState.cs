using Microsoft.Extensions.Options;

namespace IgnitionToolkit.GatewaySimulator.State;

/// <summary>The whole in-memory gateway: identity, projects, modules, trial, pending restarts and logs.
/// Every member takes the same lock, so requests may arrive on any thread.</summary>
public sealed partial class GatewayState
{
    private const int MaxLogEntries = 500;

    private readonly Lock _gate = new();
    private readonly SimulatorOptions _seed;
    private readonly TimeProvider _clock;
    private readonly Dictionary<string, ProjectRecord> _projects = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ModuleRecord> _modules = new(StringComparer.Ordinal);
    private readonly Dictionary<string, UploadedModule> _uploads = new(StringComparer.Ordinal);
    private readonly List<string> _pendingRestart = [];
    private readonly LinkedList<LogEntry> _logs = new();
    private string _gatewayName = "";
    private bool _commissioned;
    private DateTimeOffset _trialStartedAt;
    private DateTimeOffset _lastProjectScan;
    private DateTimeOffset _lastConfigScan;

    public GatewayState(IOptions<SimulatorOptions> options, TimeProvider clock, GatewayLifecycle lifecycle)
    {
        _seed = options.Value;
        _clock = clock;
        Lifecycle = lifecycle;
        Reset();
    }

    public GatewayLifecycle Lifecycle { get; }

    public string GatewayId => _seed.GatewayId;

    public string Version => _seed.Version;

    /// <summary>The numeric part of the version ("8.3.8").</summary>
    public string ShortVersion => GatewayVersion.Numeric(_seed.Version);

    public string Edition => _seed.Edition;

    public string Hostname => _seed.Hostname;

    public int TrialSeconds => _seed.TrialSeconds;

    public string GatewayName
    {
        get { lock (_gate) { return _gatewayName; } }
    }

    public bool Commissioned
    {
        get { lock (_gate) { return _commissioned; } }
    }

    /// <summary>Restores the seed state (projects, modules, trial, name) and clears logs and pending restarts.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            var now = _clock.GetUtcNow();
            _gatewayName = _seed.GatewayName;
            _commissioned = _seed.Commissioned;
            _trialStartedAt = now;
            _lastProjectScan = now;
            _lastConfigScan = now;
            _projects.Clear();
            foreach (var p in _seed.Projects)
            {
                _projects[p.Name] = new ProjectRecord(p.Name, p.Title, p.Description, p.Enabled, p.Parent, p.Inheritable,
                    ProjectArchive.DefaultFiles(p.Name));
            }
            _modules.Clear();
            foreach (var m in _seed.Modules)
            {
                _modules[m.Id] = new ModuleRecord(m.Id, m.Name, m.Version, now);
            }
            _uploads.Clear();
            _pendingRestart.Clear();
            _logs.Clear();
            LogLocked("INFO", "gateway.Simulator", $"Gateway '{_gatewayName}' started (version {_seed.Version}).");
        }
    }

    public void Commission()
    {
        lock (_gate)
        {
            _commissioned = true;
            LogLocked("INFO", "gateway.Commissioning", "Commissioning finished.");
        }
    }

    public IReadOnlyList<string> PendingRestarts
    {
        get { lock (_gate) { return [.. _pendingRestart]; } }
    }

    /// <summary>Starts a restart: pending module installs are applied (visible once the gateway is back) and pending reasons cleared.</summary>
    public bool Restart(string reason)
    {
        lock (_gate)
        {
            if (!Lifecycle.BeginRestart())
            {
                return false;
            }
            foreach (var upload in _uploads.Values.Where(u => u.Installed).ToList())
            {
                _modules[upload.Id] = new ModuleRecord(upload.Id, upload.Name, upload.Version, _clock.GetUtcNow());
                _uploads.Remove(upload.Id);
            }
            _pendingRestart.Clear();
            LogLocked("WARN", "gateway.Restart", $"Gateway restart requested: {reason}.");
            return true;
        }
    }

    public (bool Expired, int SecondsLeft) Trial
    {
        get
        {
            lock (_gate)
            {
                var left = _seed.TrialSeconds - (int)(_clock.GetUtcNow() - _trialStartedAt).TotalSeconds;
                return (left <= 0, Math.Max(0, left));
            }
        }
    }

    public void ResetTrial()
    {
        lock (_gate)
        {
            _trialStartedAt = _clock.GetUtcNow();
            LogLocked("INFO", "gateway.License", "Trial period reset.");
        }
    }

    public DateTimeOffset Scan(bool projects)
    {
        lock (_gate)
        {
            var now = _clock.GetUtcNow();
            if (projects) { _lastProjectScan = now; } else { _lastConfigScan = now; }
            LogLocked("INFO", "gateway.Scan", projects ? "Project scan requested." : "Config scan requested.");
            return now;
        }
    }

    public IReadOnlyList<LogEntry> Logs
    {
        get { lock (_gate) { return [.. _logs.Reverse()]; } }
    }

    public void Log(string level, string logger, string message)
    {
        lock (_gate) { LogLocked(level, logger, message); }
    }

    private void LogLocked(string level, string logger, string message)
    {
        _logs.AddLast(new LogEntry(_clock.GetUtcNow(), level, logger, message));
        while (_logs.Count > MaxLogEntries)
        {
            _logs.RemoveFirst();
        }
    }
}
