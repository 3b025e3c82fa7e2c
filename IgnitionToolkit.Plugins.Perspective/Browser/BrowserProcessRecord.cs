using System.Globalization;
using Microsoft.Extensions.Logging;

namespace IgnitionToolkit.Plugins.Perspective.Browser;

/// <summary>
/// Writes the PIDs (with their start times, and Chromium's profile folder) of the Playwright driver and Chromium
/// processes this Runner started to <c>&lt;folder&gt;/browsers-&lt;runner pid&gt;.pids</c>. At start-up, files left by
/// Runners that no longer run are read, the processes they list that still run are killed and the browsers' temporary
/// profile folders deleted: nothing survives a Runner that was killed (SIGKILL), even if the driver did not notice its
/// parent's death, and its browsers' profiles (a megabyte or more each) do not pile up in the temp folder.
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
            var lines = entries.Select(e => ProfileFolder(e.CommandLine) is { } profile ? $"{e.Pid} {e.StartTicks} {profile}" : $"{e.Pid} {e.StartTicks}")
                .Prepend($"owner {_ownPid} {ownStart}");
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

    /// <summary>Kills the processes recorded by Runners that no longer run and deletes their browsers' temporary
    /// profile folders; returns how many processes were killed.</summary>
    public int ReapLeftovers()
    {
        if (!Directory.Exists(folder)) return 0;
        var killed = 0;
        var profiles = new List<(string Folder, System.Diagnostics.Process? Holder)>();
        foreach (var file in Directory.EnumerateFiles(folder, "browsers-*.pids"))
        {
            if (file == FilePath) continue;
            try
            {
                var lines = File.ReadAllLines(file);
                if (lines.Length == 0 || OwnerAlive(lines[0])) continue;
                foreach (var line in lines.Skip(1))
                {
                    var parts = line.Split(' ', 3);
                    if (parts.Length < 2 || !int.TryParse(parts[0], CultureInfo.InvariantCulture, out var pid)
                        || !long.TryParse(parts[1], CultureInfo.InvariantCulture, out var start)) continue;
                    var profile = parts.Length == 3 && IsBrowserProfile(parts[2]) ? parts[2] : null;
                    if (ProcessTree.Read(pid) is not { IsAlive: true } entry || entry.StartTicks != start)
                    {
                        if (profile is not null) profiles.Add((profile, null));
                        continue;
                    }
                    System.Diagnostics.Process? process = null;
                    try
                    {
                        process = System.Diagnostics.Process.GetProcessById(pid);
                        process.Kill();
                        killed++;
                        LogReaped(logger, pid, entry.CommandLine.Length > 80 ? entry.CommandLine[..80] : entry.CommandLine);
                    }
                    catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
                    {
                        // exited meanwhile
                    }
                    if (profile is not null) profiles.Add((profile, process));
                    else process?.Dispose();
                }
                File.Delete(file);
            }
            catch (IOException)
            {
                // another Runner is reading it at the same time
            }
        }
        foreach (var (profile, holder) in profiles) DeleteProfile(profile, holder);
        return killed;
    }

    /// <summary>Chromium's <c>--user-data-dir</c>: Playwright gives each browser a fresh temporary one.</summary>
    public static string? ProfileFolder(string commandLine)
    {
        const string flag = "--user-data-dir=";
        var at = commandLine.IndexOf(flag, StringComparison.Ordinal);
        if (at < 0) return null;
        var value = commandLine[(at + flag.Length)..];
        var end = value.IndexOf(' ', StringComparison.Ordinal);
        var folder = end < 0 ? value : value[..end];
        return IsBrowserProfile(folder) ? folder : null;
    }

    /// <summary>Only a temporary profile Playwright made (<c>playwright_chromiumdev_profile-*</c> directly in the temp
    /// folder) is ever deleted: never a profile folder a user configured.</summary>
    private static bool IsBrowserProfile(string folder) =>
        Path.IsPathFullyQualified(folder)
        && Path.GetFileName(folder).StartsWith("playwright_chromiumdev_profile-", StringComparison.Ordinal)
        && string.Equals(Path.GetDirectoryName(folder), Path.GetTempPath().TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal);

    private void DeleteProfile(string profile, System.Diagnostics.Process? holder)
    {
        using (holder)
            holder?.WaitForExit(TimeSpan.FromSeconds(10)); // killed: it no longer writes there
        try
        {
            if (Directory.Exists(profile)) Directory.Delete(profile, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogProfileKept(logger, profile, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "could not delete the browser profile {Profile} left behind by a Runner that stopped abruptly: {Reason}")]
    private static partial void LogProfileKept(ILogger logger, string profile, string reason);

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
