using System.Diagnostics;
using System.Text;
using IgnitionToolkit.GatewaySimulator.Hosting;
using IgnitionToolkit.Testing;

namespace IgnitionToolkit.Benchmarks.Scenarios;

/// <summary>Gateway steps against what an integrator would write instead, both against the gateway simulator over HTTP:
/// N <c>gateway.ping</c> steps through the engine against a raw <see cref="HttpClient"/> loop of the same N requests
/// (both warm), and the command line's <c>run</c> of a one-step ping playbook against a raw C# program doing the one
/// request (each a process started from scratch, as a CI step starts it).</summary>
internal static class GatewayScenarios
{
    /// <summary>Unmeasured runs of both sides (at least; until the JIT is quiet), then alternating samples (a run takes milliseconds: many samples are cheap).</summary>
    private const int WarmUpRuns = 20, PingSamples = 31;

    public static async Task<IReadOnlyList<BenchmarkRow>> RunAsync(int pings, int samples)
    {
        await using var sim = await SimulatorServer.StartAsync();
        var url = sim.BaseAddress.ToString().TrimEnd('/');
        var rows = new List<BenchmarkRow>();

        Console.Error.WriteLine($"gateway: {pings} × gateway.ping through the engine and with HttpClient...");
        var yaml = PingPlaybook(pings, url);
        await using (var engine = new InProcessEngine(plugins: true))
        {
            using var client = new HttpClient { BaseAddress = sim.BaseAddress };
            // Steady state, as the other in-process figures: the JIT quiet, the connection pool filled.
            await JitActivity.WarmUpInProcessAsync(async () =>
            {
                var took = (await engine.RunAsync(yaml)).Elapsed;
                await RawPingsAsync(client, pings);
                return took;
            }, WarmUpRuns, 1000);
            var engineTimes = new List<double>();
            var rawTimes = new List<double>();
            for (var i = 0; i < PingSamples; i++) // alternating, so a slow spell of the machine hits both
            {
                engineTimes.Add((await engine.RunAsync(yaml)).Elapsed.TotalMilliseconds);
                rawTimes.Add(await RawPingsAsync(client, pings));
            }
            // Each pair, as the machine's speed shows in them (docs/performance.md: a request takes 20 or 80 µs by the host's mood).
            Console.Error.WriteLine("  pairs (engine, HttpClient ms): " + string.Join(" ", engineTimes.Zip(rawTimes, (e, r) => $"{e:0.00}/{r:0.00}")));
            rows.Add(new($"{pings} × gateway.ping through the engine (median of {PingSamples})", BenchmarkReport.Percentile(engineTimes, 0.5), "ms",
                $"{pings} GETs with HttpClient", BenchmarkReport.Percentile(rawTimes, 0.5), "≤ 1.3×"));
        }

        Console.Error.WriteLine("command line: `ignition-toolkit run` of a one-step ping playbook and a raw program, as processes...");
        var folder = Directory.CreateTempSubdirectory("toolkit-bench-cli-").FullName;
        try
        {
            using var tool = await InstalledTool.InstallAsync();
            await File.WriteAllTextAsync(Path.Combine(folder, "ping.yaml"), PingPlaybook(1, url));
            var portable = RepositoryLayout.ServiceAssembly("IgnitionToolkit.Cli");
            var raw = Path.Combine(RepositoryLayout.Root, "bench", "IgnitionToolkit.RawPing", "bin", RepositoryLayout.Configuration, "net10.0", "IgnitionToolkit.RawPing.dll");
            string[] toolArgs = ["run", "ping.yaml"];
            string[] portableArgs = [portable, "run", "ping.yaml"];
            string[] rawArgs = [raw, url];
            await ProcessTiming.TimeAsync(tool.Program, folder, toolArgs); // warm-up: the file cache
            await ProcessTiming.DotnetAsync(folder, portableArgs);
            await ProcessTiming.DotnetAsync(folder, rawArgs);
            var (toolTimes, portableTimes, rawTimes) = (new List<double>(), new List<double>(), new List<double>());
            for (var i = 0; i < samples; i++)
            {
                toolTimes.Add(await ProcessTiming.TimeAsync(tool.Program, folder, toolArgs));
                portableTimes.Add(await ProcessTiming.DotnetAsync(folder, portableArgs));
                rawTimes.Add(await ProcessTiming.DotnetAsync(folder, rawArgs));
            }
            var rawMedian = BenchmarkReport.Percentile(rawTimes, 0.5);
            rows.Add(new($"`ignition-toolkit run` of a one-step gateway.ping playbook, installed tool (median of {samples})",
                BenchmarkReport.Percentile(toolTimes, 0.5), "ms", "raw C# program, one GET", rawMedian, "≤ 1.3×"));
            rows.Add(new($"the same, portable build (`dotnet IgnitionToolkit.Cli.dll`, the `any` package; median of {samples})",
                BenchmarkReport.Percentile(portableTimes, 0.5), "ms", "raw C# program, one GET", rawMedian, "—"));
            if (await AnsibleScenario.RunAsync(folder, tool.Program, url, pings, samples) is { } ansible) rows.Add(ansible);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
        return rows;
    }

    internal static string PingPlaybook(int steps, string url)
    {
        var text = new StringBuilder("name: Ping bench\nversion: \"1.0\"\nsteps:\n");
        for (var i = 1; i <= steps; i++)
            text.Append("  - id: ping").Append(i).Append("\n    type: gateway.ping\n    parameters: { gateway_url: \"").Append(url).Append("\" }\n");
        return text.ToString();
    }

    private static async Task<double> RawPingsAsync(HttpClient client, int count)
    {
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            using var response = await client.GetAsync("StatusPing");
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsStringAsync();
        }
        return clock.Elapsed.TotalMilliseconds;
    }
}
