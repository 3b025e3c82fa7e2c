using IgnitionToolkit.Plugins.Perspective.Browser;

namespace IgnitionToolkit.Plugins.Perspective.Tests.Infrastructure;

/// <summary>Counts Playwright driver and Chromium processes by parent and command line (from /proc).</summary>
internal static class BrowserProcesses
{
    public static IReadOnlyList<ProcessEntry> Under(int root) =>
        [.. ProcessTree.Descendants(root).Where(ProcessTree.IsBrowserProcess)];

    public static bool IsDriver(ProcessEntry entry) => entry.CommandLine.Contains("run-driver", StringComparison.Ordinal);

    public static bool IsChromium(ProcessEntry entry) => entry.CommandLine.Contains("chrom", StringComparison.OrdinalIgnoreCase);

    /// <summary>The processes (same PID and start time) that still run.</summary>
    public static IReadOnlyList<ProcessEntry> StillRunning(IEnumerable<ProcessEntry> processes) =>
        [.. processes.Where(p => ProcessTree.Read(p.Pid) is { IsAlive: true } now && now.StartTicks == p.StartTicks)];

    /// <summary>Waits until none of <paramref name="processes"/> runs; returns those left after the timeout.</summary>
    public static async Task<IReadOnlyList<ProcessEntry>> WaitGoneAsync(IReadOnlyList<ProcessEntry> processes, double seconds)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        IReadOnlyList<ProcessEntry> left;
        while ((left = StillRunning(processes)).Count > 0 && DateTime.UtcNow < deadline) await Task.Delay(100);
        return left;
    }

    public static string Describe(IEnumerable<ProcessEntry> processes) =>
        string.Join("\n", processes.Select(p => $"{p.Pid} {p.State} {(p.CommandLine.Length > 120 ? p.CommandLine[..120] : p.CommandLine)}"));
}
