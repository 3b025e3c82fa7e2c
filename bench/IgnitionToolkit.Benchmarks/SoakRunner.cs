using System.Diagnostics;
using System.Globalization;
using IgnitionToolkit.Testing;

namespace IgnitionToolkit.Benchmarks;

/// <summary>
/// <c>make soak</c>: runs executions back to back from a few clients through API + RabbitMQ + Runner + database, either
/// a number of them (<c>SOAK_EXECUTIONS=10000</c>: the medians of the samples taken during the first and the last
/// thousand are compared, within ±10 %) or for a while (the plan's 24-hour leak check is <c>SOAK_MINUTES=1440</c>: after
/// a warm-up fifth, the first and the last quarter), sampling the resident memory and thread count of the API and the
/// Runner every second: memory that keeps growing under a steady load is a leak. History retention is on (the newest <see cref="KeptPerPlaybook"/>
/// executions of each playbook kept, ten seconds of audit trail, a pass every 10 s), and the database's files are measured the same way: with
/// retention on, the database must stay flat however many executions run.
/// </summary>
internal static class SoakRunner
{
    private const string Playbook = """
        name: Soak
        version: "1.0"
        parameters:
          - { name: count, type: integer, default: 3 }
        steps:
          - { id: start, type: utility.log, parameters: { message: "soak run" } }
          - { id: value, type: utility.set_variable, parameters: { name: total, value: "{{ parameter.count }}" } }
          - { id: pause, type: utility.wait, parameters: { seconds: 0.05 } }
          - { id: done, type: utility.log, parameters: { message: "total {{ variable.total }}" } }
        """;

    private const int KeptPerPlaybook = 50;

    /// <summary>How many clients start executions at once: the plan's 10,000 executions in minutes, not hours.</summary>
    private const int Clients = 4;

    /// <summary>Runs for <paramref name="duration"/>, or until <paramref name="executions"/> executions completed (then the
    /// first and the last thousand are compared, as the plan asks).</summary>
    public static async Task<int> RunAsync(TimeSpan duration, int? executions, double maxGrowthPercent)
    {
        var what = executions is { } n ? $"{n} executions ({Clients} clients)" : $"{duration.TotalMinutes:F1} min ({Clients} clients)";
        Console.Error.WriteLine($"soak: starting API and Runner for {what}...");
        await using var stack = await ToolkitStack.StartAsync(settings: new Dictionary<string, string>
        {
            ["Toolkit__Retention__MaxPerPlaybook"] = KeptPerPlaybook.ToString(CultureInfo.InvariantCulture),
            ["Toolkit__Retention__Interval"] = "10",
            ["Toolkit__Retention__AuditMaxAgeDays"] = (10.0 / 86400).ToString("R", CultureInfo.InvariantCulture), // ten seconds of audit trail: steady within the first thousand
            ["Toolkit__RateLimit__Enabled"] = "false", // a few clients polling back to back, as in make bench
        });
        await File.WriteAllTextAsync(Path.Combine(stack.Library, "soak.yaml"), Playbook);
        var samples = new List<Sample>();
        var clock = Stopwatch.StartNew();
        var completed = 0;
        var target = executions ?? int.MaxValue;
        bool Done() => Volatile.Read(ref completed) >= target || (executions is null && clock.Elapsed >= duration);
        async Task ClientAsync()
        {
            while (!Done())
            {
                var id = await stack.StartExecutionAsync("soak.yaml");
                await stack.WaitForStatusAsync(id, "completed");
                Interlocked.Increment(ref completed);
            }
        }
        var clients = Enumerable.Range(0, Clients).Select(_ => Task.Run(ClientAsync)).ToList();
        var interval = executions is null ? TimeSpan.FromSeconds(Math.Clamp(duration.TotalSeconds / 60, 2, 60)) : TimeSpan.FromSeconds(1);
        while (!Done() && !clients.All(c => c.IsCompleted)) // a client that failed ends the run with its error below
        {
            await Task.WhenAny(Task.WhenAll(clients), Task.Delay(interval));
            samples.Add(new Sample(clock.Elapsed, Volatile.Read(ref completed), Read(stack.Api.Id), Read(stack.Runners[0].Id), FileMb(stack.DataDirectory, "toolkit.db"), FileMb(stack.DataDirectory, "toolkit.db-wal")));
        }
        await Task.WhenAll(clients);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Ignition Toolkit soak: {completed} executions in {clock.Elapsed.TotalMinutes:F1} min ({completed / clock.Elapsed.TotalMinutes:F0}/min), {samples.Count} samples"));
        if (executions is { } count)
        {
            var first = samples.Where(s => s.Completed <= 1000).ToList();
            var last = samples.Where(s => s.Completed > count - 1000).ToList();
            return first.Count == 0 || last.Count == 0 || count < 2000
                ? Fail("fewer than 2,000 executions: nothing to compare (SOAK_EXECUTIONS)")
                : Report(first, last, "the first thousand", "the last thousand", maxGrowthPercent);
        }
        var steady = samples.Skip(samples.Count / 5).ToList();
        if (steady.Count < 4) return Fail($"only {samples.Count} samples; run longer (SOAK_MINUTES)");
        var quarter = Math.Max(1, steady.Count / 4);
        return Report(steady.Take(quarter).ToList(), steady.TakeLast(quarter).ToList(), "the first quarter", "the last quarter", maxGrowthPercent);
    }

    private static int Fail(string why)
    {
        Console.WriteLine($"soak: {why}");
        return 1;
    }

    /// <summary>Compares the medians of two windows of samples: memory of the API and the Runner, the database's files.</summary>
    private static int Report(List<Sample> early, List<Sample> late, string earlyName, string lateName, double maxGrowthPercent)
    {
        var failed = false;
        Console.WriteLine($"  medians of {earlyName} ({early.Count} samples) against {lateName} ({late.Count} samples):");
        foreach (var (name, pick) in new (string, Func<Sample, ProcessFigures>)[] { ("API", s => s.Api), ("Runner", s => s.Runner) })
        {
            var before = Median(early.Select(s => pick(s).RssMb));
            var after = Median(late.Select(s => pick(s).RssMb));
            var growth = (after - before) / before * 100;
            var threads = $"{pick(early[0]).Threads} -> {pick(late[^1]).Threads}";
            var verdict = growth > maxGrowthPercent ? "GROWING" : growth < -maxGrowthPercent ? "SHRINKING (outside the limit)" : "stable";
            failed |= Math.Abs(growth) > maxGrowthPercent;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {name,-7} memory {before,8:F1} MB -> {after,8:F1} MB  ({growth,6:F1} %, limit ±{maxGrowthPercent} %)  threads {threads}  {verdict}"));
        }
        var dbEarly = Median(early.Select(s => s.DatabaseMb + s.WalMb));
        var dbLate = Median(late.Select(s => s.DatabaseMb + s.WalMb));
        var dbGrowth = dbEarly > 0 ? (dbLate - dbEarly) / dbEarly * 100 : 0;
        failed |= dbGrowth > maxGrowthPercent;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  database {dbEarly,7:F1} MB -> {dbLate,8:F1} MB  ({dbGrowth,6:F1} %, limit {maxGrowthPercent} %)  retention: newest {KeptPerPlaybook} per playbook, audit 10 s  {(dbGrowth > maxGrowthPercent ? "GROWING" : "flat")}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"           of which the file {Median(early.Select(s => s.DatabaseMb)):F1} MB -> {Median(late.Select(s => s.DatabaseMb)):F1} MB, its write-ahead log {Median(early.Select(s => s.WalMb)):F1} MB -> {Median(late.Select(s => s.WalMb)):F1} MB"));
        return failed ? 1 : 0;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }

    /// <summary>Resident memory and thread count of a process from <c>/proc/&lt;pid&gt;/status</c> (Linux).</summary>
    private static ProcessFigures Read(int pid)
    {
        double rss = 0;
        var threads = 0;
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                rss = double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
            else if (line.StartsWith("Threads:", StringComparison.Ordinal))
                threads = int.Parse(line.Split('\t', ' ').Last(s => s.Length > 0), CultureInfo.InvariantCulture);
        }
        return new ProcessFigures(rss, threads);
    }

    private sealed record ProcessFigures(double RssMb, int Threads);

    /// <summary>The size of one of the SQLite database's files (0 while it does not exist).</summary>
    private static double FileMb(string dataDirectory, string name)
    {
        var file = new FileInfo(Path.Combine(dataDirectory, name));
        return file.Exists ? file.Length / 1024.0 / 1024.0 : 0;
    }

    /// <summary>One sample: the database's file and its write-ahead log are measured apart.</summary>
    private sealed record Sample(TimeSpan At, int Completed, ProcessFigures Api, ProcessFigures Runner, double DatabaseMb, double WalMb);
}
