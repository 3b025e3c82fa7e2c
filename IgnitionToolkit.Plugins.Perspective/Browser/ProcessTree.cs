using System.Globalization;

namespace IgnitionToolkit.Plugins.Perspective.Browser;

/// <summary>A live process as read from <c>/proc</c> (Linux): its parent, start time (to tell reused PIDs apart) and command line.</summary>
public sealed record ProcessEntry(int Pid, int ParentPid, long StartTicks, char State, string CommandLine)
{
    public bool IsAlive => State is not ('Z' or 'X');
}

/// <summary>Reads the process table from <c>/proc</c>; empty on systems without it.</summary>
public static class ProcessTree
{
    public static IReadOnlyList<ProcessEntry> Snapshot()
    {
        if (!Directory.Exists("/proc")) return [];
        var result = new List<ProcessEntry>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            if (Read(pid) is { } entry) result.Add(entry);
        }
        return result;
    }

    public static ProcessEntry? Read(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var close = stat.LastIndexOf(')');
            var fields = stat[(close + 2)..].Split(' ');
            var commandLine = File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim();
            return new ProcessEntry(pid, int.Parse(fields[1], CultureInfo.InvariantCulture),
                long.Parse(fields[19], CultureInfo.InvariantCulture), fields[0][0], commandLine);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            return null; // exited meanwhile
        }
    }

    /// <summary>Every live descendant of <paramref name="root"/> (children, grandchildren...).</summary>
    public static IReadOnlyList<ProcessEntry> Descendants(int root)
    {
        var all = Snapshot();
        var byParent = all.ToLookup(p => p.ParentPid);
        var result = new List<ProcessEntry>();
        var queue = new Queue<int>([root]);
        while (queue.Count > 0)
        {
            foreach (var child in byParent[queue.Dequeue()])
            {
                if (child.IsAlive) result.Add(child);
                queue.Enqueue(child.Pid);
            }
        }
        return result;
    }

    /// <summary>True for the Playwright Node driver and for Chromium processes.</summary>
    public static bool IsBrowserProcess(ProcessEntry entry) =>
        entry.CommandLine.Contains("run-driver", StringComparison.Ordinal)
        || entry.CommandLine.Contains("chrom", StringComparison.OrdinalIgnoreCase);
}
