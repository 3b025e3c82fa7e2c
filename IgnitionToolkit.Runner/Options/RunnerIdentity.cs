namespace IgnitionToolkit.Runner.Options;

/// <summary>The name this Runner uses in events and heartbeats, and when this process started (announced as
/// <c>RunnerStarted</c>). The name is <c>Runner:Id</c> when set; otherwise <c>&lt;host&gt;-&lt;slot&gt;</c>, where the
/// slot is the lowest one free in <c>&lt;data&gt;/runners/</c> (a lock file held open for the life of the process), so
/// a Runner restarted after a crash takes its old name back and its unfinished executions are ended at once.</summary>
public sealed class RunnerIdentity : IDisposable
{
    private const int Slots = 64;
    private readonly FileStream? _slot;

    private RunnerIdentity(string id, DateTimeOffset startedAt, FileStream? slot)
    {
        Id = id;
        StartedAt = startedAt;
        _slot = slot;
    }

    public string Id { get; }
    public DateTimeOffset StartedAt { get; }

    public static RunnerIdentity From(RunnerOptions options, string dataDirectory, TimeProvider clock)
    {
        var startedAt = clock.GetUtcNow();
        if (!string.IsNullOrWhiteSpace(options.Id)) return new(options.Id.Trim(), startedAt, null);
        var host = Environment.MachineName.ToLowerInvariant();
        try
        {
            var folder = Directory.CreateDirectory(Path.Combine(dataDirectory, "runners")).FullName;
            for (var slot = 1; slot <= Slots; slot++)
            {
                try
                {
                    var lockFile = new FileStream(Path.Combine(folder, $"slot-{slot}.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                    return new($"{host}-{slot}", startedAt, lockFile);
                }
                catch (IOException)
                {
                    // held by a live Runner: try the next slot
                }
            }
        }
        catch (UnauthorizedAccessException)
        {
            // no writable data folder: a name of its own for this process only
        }
        return new($"{host}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}", startedAt, null);
    }

    public void Dispose() => _slot?.Dispose();
}
