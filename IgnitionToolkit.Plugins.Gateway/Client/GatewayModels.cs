namespace IgnitionToolkit.Plugins.Gateway.Client;

/// <summary>Answer of <c>GET /StatusPing</c>.</summary>
public sealed record StatusPing(string State, string? Details)
{
    public bool IsRunning => string.Equals(State, "RUNNING", StringComparison.OrdinalIgnoreCase);
    public bool NeedsCommissioning => string.Equals(Details, "COMMISSIONING", StringComparison.OrdinalIgnoreCase);
    public override string ToString() => Details is null ? State : $"{State} ({Details})";
}

public sealed record ModuleInfo(string Id, string Name, string Version, string State)
{
    private static readonly string[] Loading = ["LOADING", "STARTING", "INSTALLING", "PENDING", "INITIALIZING", "RESTARTING"];
    private static readonly string[] Healthy = ["RUNNING", "LOADED", "ACTIVE", "STARTED", "HEALTHY", "INSTALLED", ""];

    public bool IsLoading => Loading.Contains(State, StringComparer.OrdinalIgnoreCase);
    public bool IsRunning => Healthy.Contains(State, StringComparer.OrdinalIgnoreCase);

    public IReadOnlyDictionary<string, object?> ToOutput() => new Dictionary<string, object?>
    {
        ["id"] = Id, ["name"] = Name, ["version"] = Version, ["state"] = State,
    };
}

public sealed record ProjectInfo(string Name, string Title, string Description, bool Enabled, string? Parent, IReadOnlyDictionary<string, object?> Raw);

/// <summary>Outcome of one readiness probe, with a short description for log lines and timeout messages.</summary>
public sealed record ReadinessProbe(bool Up, bool Reachable, string State);
