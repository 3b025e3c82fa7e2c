using System.Diagnostics;
using System.Globalization;
using IgnitionToolkit.Testing;

namespace IgnitionToolkit.Benchmarks;

/// <summary>
/// <c>make soak</c>: runs executions back to back through API + RabbitMQ + Runner + database for a while (the plan's
/// 24-hour leak check is <c>SOAK_MINUTES=1440</c>) and samples the resident memory and thread count of the API and the
/// Runner. After a warm-up fifth, the median of the first and the last quarter of the samples are compared: memory that
/// keeps growing under a steady load is a leak. History retention is on (the newest <see cref="KeptPerPlaybook"/>
/// executions of each playbook kept, a pass every 10 s), and the database's files are measured the same way: with
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

    public static async Task<int> RunAsync(TimeSpan duration, double maxGrowthPercent)
    {
        Console.Error.WriteLine($"soak: starting API and Runner for {duration.TotalMinutes:F1} min...");
        await using var stack = await ToolkitStack.StartAsync(settings: new Dictionary<string, string>
        {
            ["Toolkit__Retention__MaxPerPlaybook"] = KeptPerPlaybook.ToString(CultureInfo.InvariantCulture),
            ["Toolkit__Retention__Interval"] = "10",
            ["Toolkit__RateLimit__Enabled"] = "false", // one client polling back to back, as in make bench
        });
        await File.WriteAllTextAsync(Path.Combine(stack.Library, "soak.yaml"), Playbook);
        var samples = new List<Sample>();
        var clock = Stopwatch.StartNew();
        var nextSample = TimeSpan.Zero;
        var interval = TimeSpan.FromSeconds(Math.Clamp(duration.TotalSeconds / 60, 2, 60));
        var executions = 0;
        while (clock.Elapsed < duration)
        {
            var id = await stack.StartExecutionAsync("soak.yaml");
            await stack.WaitForStatusAsync(id, "completed");
            executions++;
            if (clock.Elapsed < nextSample) continue;
            samples.Add(new Sample(clock.Elapsed, Read(stack.Api.Id), Read(stack.Runners[0].Id), DatabaseMb(stack.DataDirectory)));
            nextSample = clock.Elapsed + interval;
        }
        return Report(samples, executions, clock.Elapsed, maxGrowthPercent);
    }

    private static int Report(List<Sample> samples, int executions, TimeSpan elapsed, double maxGrowthPercent)
    {
        var steady = samples.Skip(samples.Count / 5).ToList();
        if (steady.Count < 4)
        {
            Console.WriteLine($"soak: only {samples.Count} samples; run longer (SOAK_MINUTES)");
            return 1;
        }
        var quarter = Math.Max(1, steady.Count / 4);
        var failed = false;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Ignition Toolkit soak: {executions} executions in {elapsed.TotalMinutes:F1} min ({executions / elapsed.TotalMinutes:F0}/min), {samples.Count} samples"));
        foreach (var (name, pick) in new (string, Func<Sample, ProcessFigures>)[] { ("API", s => s.Api), ("Runner", s => s.Runner) })
        {
            var early = Median(steady.Take(quarter).Select(s => pick(s).RssMb));
            var late = Median(steady.TakeLast(quarter).Select(s => pick(s).RssMb));
            var growth = (late - early) / early * 100;
            var threads = $"{pick(steady[0]).Threads} -> {pick(steady[^1]).Threads}";
            var verdict = growth > maxGrowthPercent ? "GROWING" : "stable";
            failed |= growth > maxGrowthPercent;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {name,-7} memory {early,8:F1} MB -> {late,8:F1} MB  ({growth,6:F1} %, limit {maxGrowthPercent} %)  threads {threads}  {verdict}"));
        }
        var dbEarly = Median(steady.Take(quarter).Select(s => s.DatabaseMb));
        var dbLate = Median(steady.TakeLast(quarter).Select(s => s.DatabaseMb));
        var dbGrowth = dbEarly > 0 ? (dbLate - dbEarly) / dbEarly * 100 : 0;
        failed |= dbGrowth > maxGrowthPercent;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  database {dbEarly,7:F1} MB -> {dbLate,8:F1} MB  ({dbGrowth,6:F1} %, limit {maxGrowthPercent} %)  retention: newest {KeptPerPlaybook} per playbook  {(dbGrowth > maxGrowthPercent ? "GROWING" : "flat")}"));
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

    /// <summary>The SQLite database with its write-ahead log and shared-memory files.</summary>
    private static double DatabaseMb(string dataDirectory) =>
        Directory.EnumerateFiles(dataDirectory, "toolkit.db*").Sum(f => new FileInfo(f).Length) / 1024.0 / 1024.0;

    private sealed record Sample(TimeSpan At, ProcessFigures Api, ProcessFigures Runner, double DatabaseMb);
}
