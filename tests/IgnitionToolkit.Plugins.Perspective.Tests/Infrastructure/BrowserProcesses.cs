using IgnitionToolkit.Plugins.Perspective.Browser;
using IgnitionToolkit.Testing;

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

    /// <summary>Waits (up to <see cref="Wait.ServiceStart"/>, a bound for a loaded machine, not a speed) until none of
    /// <paramref name="processes"/> runs; returns those left after it, for the test's own assertion.</summary>
    public static async Task<IReadOnlyList<ProcessEntry>> WaitGoneAsync(IReadOnlyList<ProcessEntry> processes)
    {
        await Wait.HoldsAsync(() => StillRunning(processes).Count == 0, Wait.ServiceStart, TimeSpan.FromMilliseconds(100));
        return StillRunning(processes);
    }

    public static string Describe(IEnumerable<ProcessEntry> processes) =>
        string.Join("\n", processes.Select(p => $"{p.Pid} {p.State} {(p.CommandLine.Length > 120 ? p.CommandLine[..120] : p.CommandLine)}"));
}
