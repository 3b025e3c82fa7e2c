using System.Globalization;
using Microsoft.Extensions.Logging;

namespace IgnitionToolkit.Plugins.Perspective.Browser;

/// <summary>
/// Writes the PIDs (with their start times) of the Playwright driver and Chromium processes this Runner started to
/// <c>&lt;folder&gt;/browsers-&lt;runner pid&gt;.pids</c>. At start-up, files left by Runners that no longer run are read
/// and the processes they list that still run are killed: nothing survives a Runner that was killed (SIGKILL) even if
/// the driver did not notice its parent's death.
/// </summary>
public sealed partial class BrowserProcessRecord(string folder, ILogger logger)
{
    private readonly int _ownPid = Environment.ProcessId;
    private readonly Lock _gate = new();

    public string FilePath => Path.Combine(folder, $"browsers-{_ownPid}.pids");

    /// <summary>Records the current browser processes (descendants of this process that are the driver or Chromium).</summary>
    public void Record()
    {
        var entries = ProcessTree.Descendants(_ownPid).Where(ProcessTree.IsBrowserProcess).ToList();
        lock (_gate)
        {
            Directory.CreateDirectory(folder);
            var ownStart = ProcessTree.Read(_ownPid)?.StartTicks ?? 0;
            var lines = entries.Select(e => $"{e.Pid} {e.StartTicks}").Prepend($"owner {_ownPid} {ownStart}");
            File.WriteAllLines(FilePath, lines);
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            try { File.Delete(FilePath); }
            catch (IOException) { /* folder gone */ }
        }
    }

    /// <summary>Kills the processes recorded by Runners that no longer run; returns how many were killed.</summary>
    public int ReapLeftovers()
    {
        if (!Directory.Exists(folder)) return 0;
        var killed = 0;
        foreach (var file in Directory.EnumerateFiles(folder, "browsers-*.pids"))
        {
            if (file == FilePath) continue;
            try
            {
                var lines = File.ReadAllLines(file);
                if (lines.Length == 0 || OwnerAlive(lines[0])) continue;
                foreach (var line in lines.Skip(1))
                {
                    var parts = line.Split(' ');
                    if (parts.Length != 2 || !int.TryParse(parts[0], CultureInfo.InvariantCulture, out var pid)
                        || !long.TryParse(parts[1], CultureInfo.InvariantCulture, out var start)) continue;
                    if (ProcessTree.Read(pid) is not { IsAlive: true } entry || entry.StartTicks != start) continue;
                    try
                    {
                        using var process = System.Diagnostics.Process.GetProcessById(pid);
                        process.Kill();
                        killed++;
                        LogReaped(logger, pid, entry.CommandLine.Length > 80 ? entry.CommandLine[..80] : entry.CommandLine);
                    }
                    catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
                    {
                        // exited meanwhile
                    }
                }
                File.Delete(file);
            }
            catch (IOException)
            {
                // another Runner is reading it at the same time
            }
        }
        return killed;
    }

    private static bool OwnerAlive(string ownerLine)
    {
        var parts = ownerLine.Split(' ');
        if (parts.Length != 3 || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out var pid)) return false;
        return ProcessTree.Read(pid) is { IsAlive: true } entry
               && entry.StartTicks.ToString(CultureInfo.InvariantCulture) == parts[2];
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "killed browser process {Pid} left behind by a Runner that stopped abruptly ({CommandLine})")]
    private static partial void LogReaped(ILogger logger, int pid, string commandLine);
}
