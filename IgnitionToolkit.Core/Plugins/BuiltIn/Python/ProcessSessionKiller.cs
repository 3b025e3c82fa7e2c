using System.Diagnostics;
using System.Globalization;

namespace IgnitionToolkit.Core.Plugins.BuiltIn.Python;

/// <summary>Kills a process that leads its own session together with everything it started, from <c>/proc</c>:
/// the members of its session (whatever process group they moved to, orphans included) and, while their parents are
/// still alive, descendants that started a session of their own. SIGKILL, so a child that ignores SIGTERM goes too.</summary>
internal static class ProcessSessionKiller
{
    private readonly record struct Entry(int Pid, int ParentPid, int Session, bool Zombie);

    /// <summary>Kills the session led by <paramref name="leader"/> and the leader's descendants; repeats until none is
    /// left (a process may fork while the others are being killed). Returns how many processes were signalled.</summary>
    public static int KillSession(int leader, bool includeDetachedDescendants = true)
    {
        var killed = 0;
        for (var round = 0; round < 100; round++)
        {
            var targets = Find(leader, includeDetachedDescendants);
            if (targets.Count == 0) break;
            foreach (var pid in targets)
                if (Kill(pid)) killed++;
        }
        return killed;
    }

    /// <summary>Living (non-zombie) processes of the session led by <paramref name="leader"/>, and its descendants.</summary>
    public static IReadOnlyList<int> Find(int leader, bool includeDetachedDescendants = true)
    {
        var all = Snapshot();
        var result = new HashSet<int>();
        var children = all.ToLookup(e => e.ParentPid);
        var pending = new Stack<int>();
        // Only a leader that still leads its session is walked: once it has exited, its pid may belong to another process.
        if (all.Any(e => e.Pid == leader && e.Session == leader && !e.Zombie)) pending.Push(leader);
        while (pending.Count > 0)
        {
            var pid = pending.Pop();
            foreach (var child in children[pid])
            {
                if (!includeDetachedDescendants && child.Session != leader) continue;
                if (result.Add(child.Pid)) pending.Push(child.Pid);
            }
        }
        foreach (var entry in all.Where(e => e.Session == leader)) result.Add(entry.Pid);
        return [.. result.Where(pid => all.Any(e => e.Pid == pid && !e.Zombie))];
    }

    private static bool Kill(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            process.Kill();
            return true;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            return false; // already gone
        }
    }

    private static List<Entry> Snapshot()
    {
        var entries = new List<Entry>();
        if (!Directory.Exists("/proc")) return entries;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) continue;
            string stat;
            try
            {
                stat = File.ReadAllText(Path.Combine(dir, "stat"));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                continue; // exited meanwhile
            }
            // pid (comm) state ppid pgrp session ...: comm may hold spaces and parentheses, so read after the last ')'.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            if (fields.Length < 4) continue;
            entries.Add(new Entry(pid,
                int.Parse(fields[1], CultureInfo.InvariantCulture),
                int.Parse(fields[3], CultureInfo.InvariantCulture),
                fields[0] is "Z" or "X"));
        }
        return entries;
    }
}
