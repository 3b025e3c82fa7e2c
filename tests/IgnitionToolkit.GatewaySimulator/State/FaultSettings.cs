namespace IgnitionToolkit.GatewaySimulator.State;

/// <summary>Fault knobs (configuration <c>Simulator:Faults</c> or <c>POST /__simulator/faults</c>).</summary>
public sealed record FaultSettings
{
    /// <summary>Added to every affected request before it is handled.</summary>
    public int LatencyMs { get; init; }

    /// <summary>Share (0..1) of affected requests answered with <see cref="ErrorStatusCode"/>.</summary>
    public double ErrorRate { get; init; }

    public int ErrorStatusCode { get; init; } = 500;

    /// <summary>Share (0..1) of affected requests whose connection is dropped without an answer.</summary>
    public double DropRate { get; init; }

    /// <summary>Extra time a restart spends in STARTING.</summary>
    public int SlowRestartMs { get; init; }

    /// <summary>Only requests whose path starts with this prefix are affected (all when empty).</summary>
    public string? PathPrefix { get; init; }

    public bool Applies(PathString path) =>
        string.IsNullOrEmpty(PathPrefix) || path.StartsWithSegments(PathPrefix, StringComparison.OrdinalIgnoreCase);
}

/// <summary>Holds the current fault settings; swapped atomically.</summary>
public sealed class FaultState(FaultSettings initial)
{
    private FaultSettings _current = initial;
    private int _affected;

    public FaultSettings Current => Volatile.Read(ref _current);

    /// <summary>Requests the fault knobs applied to since the last <see cref="Set"/>: how often a client sent a request.</summary>
    public int Affected => Volatile.Read(ref _affected);

    public void Set(FaultSettings settings)
    {
        Volatile.Write(ref _current, settings);
        Interlocked.Exchange(ref _affected, 0);
    }

    public void CountAffected() => Interlocked.Increment(ref _affected);
}
