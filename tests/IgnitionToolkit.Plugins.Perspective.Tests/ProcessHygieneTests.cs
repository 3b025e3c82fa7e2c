using System.Diagnostics;
using IgnitionToolkit.Plugins.Perspective.Browser;
using IgnitionToolkit.Plugins.Perspective.Tests.Infrastructure;
using IgnitionToolkit.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace IgnitionToolkit.Plugins.Perspective.Tests;

[Trait("Category", "Functional")]
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessCounting
{
    public const string Name = "process counting";
}

/// <summary>No Chromium or Playwright driver process outlives what started it (counted from /proc by parent and command line).</summary>
[Trait("Category", "Functional")]
[Collection(ProcessCounting.Name)]
public sealed class ProcessHygieneTests
{
    [Fact]
    public async Task Execution_end_closes_its_pages_and_disposal_ends_driver_and_chromium()
    {
        if (!OperatingSystem.IsLinux()) return;
        var own = Environment.ProcessId;
        IReadOnlyList<ProcessEntry> started;
        await using (var h = await PerspectiveHarness.StartAsync())
        {
            var before = BrowserProcesses.Under(own).Select(p => p.Pid).ToHashSet();
            var (status, run) = await h.RunAsync(Yaml.Playbook(Yaml.OpenHome));
            Expect.Completed(status, run);
            started = [.. BrowserProcesses.Under(own).Where(p => !before.Contains(p.Pid))];
            Assert.Contains(started, BrowserProcesses.IsDriver);
            Assert.Contains(started, BrowserProcesses.IsChromium);
            Assert.Equal(0, h.Runtime.OpenContexts);
            Assert.True(File.Exists(Path.Combine(h.ProcessRecordDirectory, $"browsers-{own}.pids")), "the browser processes are not recorded");

            // the execution's renderer went with its context; the browser itself stays for the next execution
            var renderers = await WaitRenderersAsync(own, 0);
            Assert.True(renderers == 0, $"{renderers} renderer processes remain after the execution ended");
            Assert.Equal(BrowserState.Running, h.Runtime.State);
        }
        var left = await BrowserProcesses.WaitGoneAsync(started);
        Assert.True(left.Count == 0, "left behind after the runtime was disposed:\n" + BrowserProcesses.Describe(left));
    }

    [Fact]
    public async Task Leftovers_recorded_by_a_dead_Runner_are_killed_at_the_next_start_and_their_browser_profiles_deleted()
    {
        if (!OperatingSystem.IsLinux()) return;
        var folder = Directory.CreateTempSubdirectory("toolkit-reaper-").FullName;
        // Chromium's temporary profiles, as Playwright names them: one of a killed browser, one of a browser already gone,
        // and one of the live Runner's browser; a folder of another name is never touched, even when recorded.
        var killedProfile = Directory.CreateTempSubdirectory("playwright_chromiumdev_profile-reaper-").FullName;
        var goneProfile = Directory.CreateTempSubdirectory("playwright_chromiumdev_profile-reaper-").FullName;
        var liveProfile = Directory.CreateTempSubdirectory("playwright_chromiumdev_profile-reaper-").FullName;
        var otherFolder = Directory.CreateTempSubdirectory("toolkit-reaper-profile-").FullName;
        await File.WriteAllTextAsync(Path.Combine(killedProfile, "Local State"), "{}");
        using var orphan = Process.Start(new ProcessStartInfo("sleep", "300") { UseShellExecute = false })!;
        using var owned = Process.Start(new ProcessStartInfo("sleep", "300") { UseShellExecute = false })!;
        using var liveOwner = Process.Start(new ProcessStartInfo("sleep", "300") { UseShellExecute = false })!;
        try
        {
            var orphanEntry = ProcessTree.Read(orphan.Id)!;
            var ownedEntry = ProcessTree.Read(owned.Id)!;
            var ownerEntry = ProcessTree.Read(liveOwner.Id)!;
            // a Runner that died (no such process) and one that still runs
            await File.WriteAllLinesAsync(Path.Combine(folder, "browsers-999999991.pids"),
                ["owner 999999991 12345", $"{orphanEntry.Pid} {orphanEntry.StartTicks} {killedProfile}", $"{owned.Id} 1 {goneProfile}",
                 $"999999992 1 {otherFolder}"]);
            await File.WriteAllLinesAsync(Path.Combine(folder, $"browsers-{liveOwner.Id}.pids"),
                [$"owner {liveOwner.Id} {ownerEntry.StartTicks}", $"{ownedEntry.Pid} {ownedEntry.StartTicks} {liveProfile}"]);

            var killed = new BrowserProcessRecord(folder, NullLogger.Instance).ReapLeftovers();

            Assert.Equal(1, killed);
            Assert.True(orphan.WaitForExit(10_000), "the orphan recorded by the dead Runner still runs");
            Assert.False(owned.HasExited, "a process whose start time differs from the record (a reused PID) was killed");
            Assert.False(File.Exists(Path.Combine(folder, "browsers-999999991.pids")));
            Assert.True(File.Exists(Path.Combine(folder, $"browsers-{liveOwner.Id}.pids")), "the record of a running Runner was touched");
            Assert.False(Directory.Exists(killedProfile), "the killed browser's profile is still in the temp folder");
            Assert.False(Directory.Exists(goneProfile), "the profile of the dead Runner's browser that had already ended is still there");
            Assert.True(Directory.Exists(liveProfile), "the profile of a running Runner's browser was deleted");
            Assert.True(Directory.Exists(otherFolder), "a folder not named as Playwright names its profiles was deleted");
        }
        finally
        {
            foreach (var p in new[] { orphan, owned, liveOwner }) if (!p.HasExited) { p.Kill(); p.WaitForExit(); }
            Directory.Delete(folder, recursive: true);
            foreach (var made in new[] { killedProfile, goneProfile, liveProfile, otherFolder })
                if (Directory.Exists(made)) Directory.Delete(made, recursive: true);
        }
    }

    /// <summary>Waits (generous bound) until at most <paramref name="expected"/> page renderers run under
    /// <paramref name="root"/>; returns the count seen last, for the test's own assertion.</summary>
    private static async Task<int> WaitRenderersAsync(int root, int expected)
    {
        int Count() => ProcessTree.Descendants(root).Count(p => p.CommandLine.Contains("--type=renderer", StringComparison.Ordinal)
            && !p.CommandLine.Contains("--extension-process", StringComparison.Ordinal));
        await Wait.HoldsAsync(() => Count() <= expected, Wait.ServiceStart, TimeSpan.FromMilliseconds(100));
        return Count();
    }
}
