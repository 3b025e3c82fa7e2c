namespace IgnitionToolkit.Api.Cluster;

/// <summary>This API process among the instances that share one database and one broker: a name unique per start.</summary>
public sealed class ApiInstance
{
    public string Id { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";
}
