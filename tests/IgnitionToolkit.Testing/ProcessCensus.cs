using System.Globalization;

namespace IgnitionToolkit.Testing;

/// <summary>
/// The processes a test started, read from <c>/proc</c> (Linux) as in the Perspective plugin's <c>ProcessTree</c>:
/// <see cref="Track(int[])"/> adds processes and all their descendants, <see cref="TrackCommandLine"/> those whose command
/// line names a folder (daemons that left their parent, e.g. a PostgreSQL server), and <see cref="WaitGoneAsync"/> tells
/// which of them still run at the end. A process is identified by PID and start time, so a reused PID never counts.
/// </summary>
public sealed class ProcessCensus
{
    public sealed record Entry(int Pid, int ParentPid, long StartTicks, char State, string CommandLine)
    {
        public bool IsAlive => State is not ('Z' or 'X');
        public override string ToString() =>
            $"{Pid} {State} {(CommandLine.Length > 140 ? CommandLine[..140] : CommandLine)}";
    }

    private readonly Dictionary<(int Pid, long Start), Entry> _seen = [];
    private readonly Lock _gate = new();

    /// <summary>How many distinct processes have been tracked.</summary>
    public int Count
    {
        get { lock (_gate) return _seen.Count; }
    }

    /// <summary>Tracks <paramref name="roots"/> and every live descendant of them as they are now.</summary>
    public ProcessCensus Track(params int[] roots)
    {
        var all = Snapshot();
        var byParent = all.ToLookup(p => p.ParentPid);
        var queue = new Queue<int>(roots);
        var found = all.Where(p => roots.Contains(p.Pid)).ToList();
        while (queue.TryDequeue(out var parent))
        {
            foreach (var child in byParent[parent])
            {
                found.Add(child);
                queue.Enqueue(child.Pid);
            }
        }
        Add(found.Where(p => p.IsAlive));
        return this;
    }

    /// <summary>Tracks every live process whose command line contains <paramref name="marker"/> (e.g. a temporary folder).</summary>
    public ProcessCensus TrackCommandLine(string marker)
    {
        Add(Snapshot().Where(p => p.IsAlive && p.CommandLine.Contains(marker, StringComparison.Ordinal)));
        return this;
    }

    /// <summary>The tracked processes that still run (same PID and start time).</summary>
    public IReadOnlyList<Entry> StillRunning() => StillRunning(All());

    /// <summary>Waits until no tracked process runs; returns those still running after <paramref name="timeout"/>.</summary>
    public Task<IReadOnlyList<Entry>> WaitGoneAsync(TimeSpan timeout) => WaitGoneAsync(All(), timeout);

    /// <summary>Those of <paramref name="processes"/> that still run (same PID and start time).</summary>
    public static IReadOnlyList<Entry> StillRunning(IEnumerable<Entry> processes) =>
        [.. processes.Where(p => Read(p.Pid) is { IsAlive: true } now && now.StartTicks == p.StartTicks)];

    /// <summary>Waits until none of <paramref name="processes"/> runs; returns those still running after <paramref name="timeout"/>.</summary>
    public static async Task<IReadOnlyList<Entry>> WaitGoneAsync(IReadOnlyList<Entry> processes, TimeSpan timeout)
    {
        await Wait.HoldsAsync(() => StillRunning(processes).Count == 0, timeout, TimeSpan.FromMilliseconds(100)).ConfigureAwait(false);
        return StillRunning(processes);
    }

    /// <summary>The tracked processes that match <paramref name="predicate"/>.</summary>
    public IReadOnlyList<Entry> Where(Func<Entry, bool> predicate)
    {
        lock (_gate) return [.. _seen.Values.Where(predicate)];
    }

    private List<Entry> All()
    {
        lock (_gate) return [.. _seen.Values];
    }

    public static string Describe(IEnumerable<Entry> processes) => string.Join("\n", processes);

    private void Add(IEnumerable<Entry> entries)
    {
        lock (_gate)
            foreach (var entry in entries) _seen.TryAdd((entry.Pid, entry.StartTicks), entry);
    }

    public static IReadOnlyList<Entry> Snapshot()
    {
        if (!Directory.Exists("/proc")) return [];
        var result = new List<Entry>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
            if (int.TryParse(Path.GetFileName(dir), out var pid) && Read(pid) is { } entry) result.Add(entry);
        return result;
    }

    public static Entry? Read(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var commandLine = File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim();
            return new Entry(pid, int.Parse(fields[1], CultureInfo.InvariantCulture),
                long.Parse(fields[19], CultureInfo.InvariantCulture), fields[0][0], commandLine);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            return null; // exited meanwhile
        }
    }
}
