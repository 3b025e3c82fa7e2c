namespace IgnitionToolkit.Runner.Options;

/// <summary>Settings of the <c>Runner</c> configuration section.</summary>
public sealed class RunnerOptions
{
    public const string Section = "Runner";

    /// <summary><c>Runner:Id</c>: name of this Runner in events and heartbeats (default <c>&lt;host&gt;-&lt;slot&gt;</c>, see <see cref="RunnerIdentity"/>).</summary>
    public string? Id { get; set; }

    /// <summary><c>Runner:MaxConcurrentExecutions</c>: executions this Runner runs at once (default 4).</summary>
    public int MaxConcurrentExecutions { get; set; } = 4;

    /// <summary><c>Runner:HeartbeatInterval</c>: period of <c>RunnerHeartbeat</c> while an execution is owned (default 3 s:
    /// the API's default heartbeat timeout, 15 s, is five missed heartbeats).</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary><c>Runner:PresenceInterval</c>: period of the presence heartbeat (a <c>RunnerHeartbeat</c> listing no
    /// execution) while this Runner is idle, so the API's <c>runners</c> health shows it (default 10 s).</summary>
    public TimeSpan PresenceInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary><c>Runner:SlotWaitTimeout</c>: how long a start command waits for a free slot before it is put back
    /// at the end of the queue for any Runner (default 60 s; keeps deliveries far below RabbitMQ's consumer timeout).</summary>
    public TimeSpan SlotWaitTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary><c>Runner:ShutdownGracePeriod</c>: on SIGTERM, how long to wait for cancelled executions to report
    /// their final events before the bus stops (default 6 s; the host exits within 10 s).</summary>
    public TimeSpan ShutdownGracePeriod { get; set; } = TimeSpan.FromSeconds(6);
}
