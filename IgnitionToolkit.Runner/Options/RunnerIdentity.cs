namespace IgnitionToolkit.Runner.Options;

/// <summary>The name this Runner uses in events and heartbeats.</summary>
public sealed record RunnerIdentity(string Id)
{
    public static RunnerIdentity From(RunnerOptions options) =>
        new(string.IsNullOrWhiteSpace(options.Id)
            ? $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}"
            : options.Id.Trim());
}
