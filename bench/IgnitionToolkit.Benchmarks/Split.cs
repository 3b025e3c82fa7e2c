using System.Diagnostics;
using IgnitionToolkit.GatewaySimulator.Hosting;
using IgnitionToolkit.Plugins.Gateway.Sessions;
using Microsoft.Extensions.DependencyInjection;

namespace IgnitionToolkit.Benchmarks;

/// <summary><c>make bench BENCH_ARGS="split ROUNDS"</c>: where a <c>gateway.ping</c> step's time goes, layer by layer, each
/// as µs a request (50 a round, the first quarter of the rounds unmeasured): a raw <see cref="HttpClient"/>, the gateway
/// client factory's client (its resilience, logging and metrics handlers), the plugin's <c>GatewayClient</c>, the engine
/// running 50 pings, and the engine running 50 <c>utility.log</c> steps (its own cost a step). <c>SPLIT_ONLY=raw,engine-ping</c>
/// runs some of them (alone, or alternating as listed). A diagnostic, not a target: docs/performance.md.</summary>
internal static class Split
{
    private const int PerRound = 50;

    public static async Task RunAsync(int rounds)
    {
        await using var sim = await SimulatorServer.StartAsync();
        var url = sim.BaseAddress.ToString().TrimEnd('/');
        using var raw = new HttpClient { BaseAddress = sim.BaseAddress };
        await using var services = new ServiceCollection().AddLogging().AddGatewaySteps().BuildServiceProvider();
        var factory = services.GetRequiredService<IHttpClientFactory>();
        var connections = services.GetRequiredService<GatewayConnectionFactory>();
        await using var engine = new InProcessEngine(plugins: true);
        var pings = Scenarios.GatewayScenarios.PingPlaybook(PerRound, url);
        var logs = "name: logs\nversion: \"1.0\"\nsteps:\n" + string.Concat(Enumerable.Range(0, PerRound)
            .Select(i => $"  - id: l{i}\n    type: utility.log\n    parameters: {{ message: \"x\" }}\n"));
        var variants = new (string Name, Func<Task> Run)[]
        {
            ("raw", async () => { for (var i = 0; i < PerRound; i++) await raw.GetStringAsync("/StatusPing"); }),
            ("factory", async () =>
            {
                var client = factory.CreateClient(Plugins.Gateway.Http.GatewayHttp.ClientName);
                for (var i = 0; i < PerRound; i++) await client.GetStringAsync(url + "/StatusPing");
            }),
            ("client", async () =>
            {
                using var client = connections.Create(url);
                for (var i = 0; i < PerRound; i++) await client.StatusPingAsync(CancellationToken.None);
            }),
            ("engine-ping", async () => await engine.RunAsync(pings)),
            ("engine-log", async () => await engine.RunAsync(logs)),
        };
        if (Environment.GetEnvironmentVariable("SPLIT_ONLY") is { Length: > 0 } only)
            variants = [.. variants.Where(v => only.Split(',').Contains(v.Name))];
        var times = variants.ToDictionary(v => v.Name, _ => new List<double>());
        for (var round = 0; round < rounds; round++)
        {
            foreach (var (name, run) in variants)
            {
                var clock = Stopwatch.StartNew();
                await run();
                if (round >= rounds / 4) times[name].Add(clock.Elapsed.TotalMicroseconds / PerRound);
            }
        }
        foreach (var (name, list) in times)
        {
            list.Sort();
            Console.WriteLine($"{name,-12} µs a request: p25 {list[list.Count / 4],7:0.0}  p50 {list[list.Count / 2],7:0.0}  p75 {list[list.Count * 3 / 4],7:0.0}");
        }
    }
}
