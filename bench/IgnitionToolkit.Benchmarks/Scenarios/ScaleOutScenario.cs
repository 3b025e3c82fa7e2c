using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IgnitionToolkit.Testing;

namespace IgnitionToolkit.Benchmarks.Scenarios;

/// <summary>Throughput that scales with Runners: N executions of a playbook that waits (an I/O-bound run, like a gateway
/// restart waiting for RUNNING) submitted at once to a stack with one Runner, then to a stack with two; the two-Runner
/// time against the one-Runner time (ideal 0.5×). Each Runner runs <c>Runner:MaxConcurrentExecutions</c> at once.</summary>
internal static class ScaleOutScenario
{
    public static async Task<BenchmarkRow> RunAsync(int executions, double waitSeconds)
    {
        var one = await TimeAsync(1, executions, waitSeconds);
        var two = await TimeAsync(2, executions, waitSeconds);
        return new(string.Create(CultureInfo.InvariantCulture, $"{executions} executions waiting {waitSeconds:0.#} s, two Runners"), two, "ms", "one Runner", one, "≤ 0.55×");
    }

    private static async Task<double> TimeAsync(int runners, int executions, double waitSeconds)
    {
        Console.Error.WriteLine($"scale-out: {executions} waiting executions on {runners} Runner(s)...");
        await using var stack = await ToolkitStack.StartAsync(runners: runners, settings: new Dictionary<string, string> { ["Toolkit__RateLimit__Enabled"] = "false" });
        await File.WriteAllTextAsync(Path.Combine(stack.Library, "wait.yaml"),
            $"name: Waiting run\nversion: \"1.0\"\nsteps:\n  - id: wait\n    type: utility.wait\n    parameters: {{ seconds: {waitSeconds.ToString(CultureInfo.InvariantCulture)} }}\n");
        var clock = Stopwatch.StartNew();
        using var gate = new SemaphoreSlim(16);
        var submissions = Enumerable.Range(0, executions).Select(async _ =>
        {
            await gate.WaitAsync();
            try { await stack.StartExecutionAsync("wait.yaml"); }
            finally { gate.Release(); }
        }).ToList();
        var done = 0;
        while (done < executions)
        {
            if (clock.Elapsed > TimeSpan.FromMinutes(30)) throw new TimeoutException($"only {done} of {executions} waiting executions completed");
            await Task.Delay(50);
            var page = await stack.Http.GetFromJsonAsync<JsonNode>("api/v1/executions?playbook_path=wait.yaml&status=completed&page_size=1");
            done = page!["total_count"]!.GetValue<int>();
        }
        var elapsed = clock.Elapsed.TotalMilliseconds;
        await Task.WhenAll(submissions);
        return elapsed;
    }
}
