using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using IgnitionToolkit.Core;
using IgnitionToolkit.Core.Execution;
using IgnitionToolkit.Core.Playbooks;
using IgnitionToolkit.Testing;
using Microsoft.Extensions.DependencyInjection;
using IgnitionToolkit.Contracts;
using IgnitionToolkit.Contracts.Events;

namespace IgnitionToolkit.Benchmarks;

/// <summary>Measures, in the same run, an N-step <c>utility.log</c> playbook in-process (the baseline) and through
/// API + RabbitMQ + Runner + database, and the submit-to-first-step latency of small executions.</summary>
internal static class BenchmarkRunner
{
    public static async Task<BenchmarkReport> RunAsync(int steps, int latencySamples)
    {
        var yaml = GeneratePlaybook(steps);
        Console.Error.WriteLine($"baseline: {steps} steps in-process...");
        await InProcessAsync(yaml); // warm-up
        var inProcess = await InProcessAsync(yaml);

        Console.Error.WriteLine("starting API and Runner...");
        await using var stack = await ToolkitStack.StartAsync();
        await File.WriteAllTextAsync(Path.Combine(stack.Library, "bench.yaml"), yaml);
        await File.WriteAllTextAsync(Path.Combine(stack.Library, "one.yaml"), GeneratePlaybook(1));
        await DistributedAsync(stack, "one.yaml"); // warm-up
        Console.Error.WriteLine($"distributed: {steps} steps through the bus...");
        var distributed = await DistributedAsync(stack, "bench.yaml");

        Console.Error.WriteLine($"latency: {latencySamples} executions...");
        var latencies = new List<double>();
        for (var i = 0; i < latencySamples; i++) latencies.Add(await FirstStepLatencyAsync(stack));
        return new BenchmarkReport(steps, inProcess, distributed, latencies);
    }

    private static string GeneratePlaybook(int steps)
    {
        var text = new StringBuilder("name: Benchmark\nversion: \"1.0\"\nsteps:\n");
        for (var i = 1; i <= steps; i++)
            text.Append("  - id: s").Append(i).Append("\n    type: utility.log\n    parameters: { message: \"step ").Append(i).Append("\" }\n");
        return text.ToString();
    }

    private static async Task<TimeSpan> InProcessAsync(string yaml)
    {
        var data = Directory.CreateTempSubdirectory("toolkit-bench-").FullName;
        try
        {
            var services = new ServiceCollection().AddLogging()
                .AddToolkitCore(key => key == "Toolkit:DataDirectory" ? data : null)
                .BuildServiceProvider();
            var playbook = services.GetRequiredService<IPlaybookLoader>().Load(yaml, "bench.yaml").Playbook!;
            var clock = Stopwatch.StartNew();
            var run = services.GetRequiredService<IPlaybookEngine>().Start(
                new ExecutionRequest(Guid.NewGuid(), playbook, new Dictionary<string, object?>()), new NullObserver(), CancellationToken.None);
            var status = await run.Completion;
            if (status != ExecutionStatus.Completed) throw new InvalidOperationException($"in-process run ended {status}");
            return clock.Elapsed;
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private static async Task<TimeSpan> DistributedAsync(ToolkitStack stack, string playbook)
    {
        var clock = Stopwatch.StartNew();
        var id = await stack.StartExecutionAsync(playbook);
        await stack.WaitForStatusAsync(id, "completed", timeoutSeconds: 600);
        return clock.Elapsed;
    }

    private static async Task<double> FirstStepLatencyAsync(ToolkitStack stack)
    {
        var id = await stack.StartExecutionAsync("one.yaml");
        var execution = await stack.WaitForStatusAsync(id, "completed");
        var created = Timestamp(execution["execution"]!["created_at"]);
        var firstStep = Timestamp(execution["steps"]![0]!["started_at"]);
        return (firstStep - created).TotalMilliseconds;
    }

    private static DateTimeOffset Timestamp(JsonNode? node) =>
        DateTimeOffset.Parse(node!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);

    private sealed class NullObserver : IExecutionObserver
    {
        public ValueTask OnEventAsync(ExecutionEvent engineEvent, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
