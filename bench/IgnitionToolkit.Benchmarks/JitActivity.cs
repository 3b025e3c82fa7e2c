using System.Diagnostics;
using System.Globalization;
using IgnitionToolkit.Testing;

namespace IgnitionToolkit.Benchmarks;

/// <summary>
/// How many methods the services' JIT has compiled so far (the runtime's <c>dotnet.jit.compiled_methods</c> counter on
/// each service's Prometheus <c>/metrics</c>), so the bench can warm up until the code a scenario runs is tiered up.
/// A fixed number of warm-up runs was not enough: 20 runs of the 1000-step playbook in, the API's background tier-up
/// compiler still took about a third of its CPU (some 1,200 methods a second: the playbook loader, EF Core's change
/// tracker, the event pipeline), work a running installation has long finished.
/// </summary>
internal static class JitActivity
{
    private const string Counter = "dotnet_jit_compiled_methods_total";

    /// <summary>One client for every scrape (one a warm-up run, hundreds per scenario).</summary>
    private static readonly HttpClient Scraper = new() { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>The compiled-method count of the API and every Runner, summed.</summary>
    public static async Task<long> CompiledMethodsAsync(ToolkitStack stack)
    {
        long total = 0;
        foreach (var service in stack.Runners.Prepend(stack.Api))
        {
            var text = await Scraper.GetStringAsync(new Uri(service.BaseAddress, "metrics"));
            var line = text.Split('\n').FirstOrDefault(l => l.StartsWith(Counter, StringComparison.Ordinal))
                ?? throw new InvalidOperationException($"{service.BaseAddress}metrics has no {Counter}");
            total += long.Parse(line[(line.LastIndexOf(' ') + 1)..], NumberStyles.Integer, CultureInfo.InvariantCulture);
        }
        return total;
    }

    /// <summary>Runs <paramref name="run"/> at least <paramref name="minimum"/> times and then until the services have
    /// been quiet (see <see cref="Quiet"/>), or <paramref name="maximum"/> runs; returns how many it made.</summary>
    public static Task<int> WarmUpAsync(ToolkitStack stack, Func<Task<TimeSpan>> run, int minimum, int maximum) =>
        WarmUpAsync(() => CompiledMethodsAsync(stack), run, minimum, maximum, log: true);

    /// <summary>The same for code in this process (the in-process baselines), by <see cref="System.Runtime.JitInfo"/>.</summary>
    public static Task<int> WarmUpInProcessAsync(Func<Task<TimeSpan>> run, int minimum, int maximum) =>
        WarmUpAsync(() => Task.FromResult(System.Runtime.JitInfo.GetCompiledMethodCount()), run, minimum, maximum, log: false);

    /// <summary>Quiet: at most <see cref="QuietMethods"/> methods compiled a run for <see cref="QuietRuns"/> runs in a
    /// row spanning <see cref="QuietTime"/> at least. The runtime starts counting a method's calls only once no new
    /// method has been compiled for 100 ms, and the exporter answers a scrape from a cache of up to 300 ms: ten quick runs
    /// without a new method prove nothing.</summary>
    private static async Task<int> WarmUpAsync(Func<Task<long>> compiled, Func<Task<TimeSpan>> run, int minimum, int maximum, bool log)
    {
        var before = await compiled();
        var (quietRuns, quietSince) = (0, Stopwatch.GetTimestamp());
        for (var i = 1; i <= maximum; i++)
        {
            var took = await run();
            var after = await compiled();
            if (after - before <= QuietMethods) quietRuns++;
            else (quietRuns, quietSince) = (0, Stopwatch.GetTimestamp());
            if (log) Console.Error.WriteLine($"  warm-up run {i}: {took.TotalMilliseconds:F0} ms, {after - before} methods compiled");
            before = after;
            if (i >= minimum && quietRuns >= QuietRuns && Stopwatch.GetElapsedTime(quietSince) >= QuietTime) return i;
        }
        return maximum;
    }

    private const int QuietRuns = 10;
    private const int QuietMethods = 2; // the odd method a rarely taken branch reaches
    private static readonly TimeSpan QuietTime = TimeSpan.FromSeconds(2);
}
