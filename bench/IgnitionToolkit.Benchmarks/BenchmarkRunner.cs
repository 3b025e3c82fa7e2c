using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using IgnitionToolkit.Benchmarks.Scenarios;
using IgnitionToolkit.Testing;

namespace IgnitionToolkit.Benchmarks;

/// <summary>
/// <c>make bench</c>: each scenario's figure next to a baseline measured in the same run. An N-step <c>utility.log</c>
/// playbook in-process (baseline) and through API + RabbitMQ + Runner + database; submit-to-first-step latency;
/// sequential <c>POST /api/v1/executions</c> against an authenticated <c>GET</c> round trip of the same API; and many
/// one-step executions submitted at once, with <c>GET /api/v1/executions</c> timed meanwhile.
/// </summary>
internal static class BenchmarkRunner
{
    public static async Task<BenchmarkReport> RunAsync(BenchmarkOptions options)
    {
        var rows = new List<BenchmarkRow>();
        if (options.Runs("bus")) rows.AddRange(await BusAsync(options));
        if (options.Runs("gateway")) rows.AddRange(await GatewayScenarios.RunAsync(options.Pings, options.ProcessSamples));
        if (options.Runs("perspective")) rows.Add(await PerspectiveScenario.RunAsync(options.ProcessSamples));
        if (options.Runs("scaleout")) rows.Add(await ScaleOutScenario.RunAsync(options.Waiting, options.WaitSeconds));
        return new BenchmarkReport(DateTimeOffset.UtcNow, BenchmarkReport.DescribeMachine(), rows);
    }

    /// <summary>Measured runs of the N-step playbook, distributed and in-process alternating.</summary>
    private const int PairedRuns = 9;

    /// <summary>The distributed path against the engine in-process: per-step overhead, latency, submission, throughput.</summary>
    private static async Task<IReadOnlyList<BenchmarkRow>> BusAsync(BenchmarkOptions options)
    {
        var rows = new List<BenchmarkRow>();
        var yaml = GeneratePlaybook(options.Steps);
        Console.Error.WriteLine($"baseline: {options.Steps} steps in-process...");
        var inProcessWarmUp = await JitActivity.WarmUpInProcessAsync(() => InProcessEngine.RunOnceAsync(yaml), options.WarmUpRuns, 1000);
        Console.Error.WriteLine($"  tiered up after {inProcessWarmUp} runs"); // warmed up as the services are

        Console.Error.WriteLine("starting API and Runner...");
        // The bench polls and submits far faster than a person: the per-user request limit would answer 429.
        await using var stack = await ToolkitStack.StartAsync(settings: new Dictionary<string, string> { ["Toolkit__RateLimit__Enabled"] = "false" });
        await File.WriteAllTextAsync(Path.Combine(stack.Library, "bench.yaml"), yaml);
        await File.WriteAllTextAsync(Path.Combine(stack.Library, "one.yaml"), GeneratePlaybook(1));
        await using var live = await LiveCompletions.ConnectAsync(stack);
        for (var i = 0; i < 3; i++) await DistributedAsync(stack, live, "one.yaml"); // warm-up

        Console.Error.WriteLine($"distributed: {options.Steps} steps through the bus (warm-up runs until the services' JIT is quiet, then the median of {PairedRuns}, each beside an in-process run)...");
        // Warm-up: the services' code tiered up, as in a running installation (the first runs after a start take 2-4 times
        // as long, and 20 runs left the API's tier-up compiler busy for 60 more: JitActivity).
        await JitActivity.WarmUpAsync(stack, () => DistributedAsync(stack, live, "bench.yaml"), options.WarmUpRuns, 400);
        // Each distributed run beside an in-process one: the machine's speed drifts by tens of percent within minutes on a
        // shared host, and a ratio of figures taken minutes apart measured the drift.
        var (runs, baselines) = (new List<double>(), new List<double>());
        for (var i = 0; i < PairedRuns; i++)
        {
            baselines.Add((await InProcessEngine.RunOnceAsync(yaml)).TotalMilliseconds);
            runs.Add((await DistributedAsync(stack, live, "bench.yaml")).TotalMilliseconds);
            Console.Error.WriteLine($"  measured pair {i + 1}: in-process {baselines[^1]:0.0} ms, distributed {runs[^1]:0.0} ms");
        }
        var inProcess = TimeSpan.FromMilliseconds(BenchmarkReport.Percentile(baselines, 0.5));
        var distributed = TimeSpan.FromMilliseconds(BenchmarkReport.Percentile(runs, 0.5));
        rows.Add(new($"{options.Steps} × utility.log, API + RabbitMQ + Runner + DB (median of {PairedRuns})", distributed.TotalMilliseconds, "ms",
            $"in-process engine (median of {PairedRuns}, runs alternating)", inProcess.TotalMilliseconds, "≤ 20×"));
        rows.Add(new("per-step overhead through the bus", (distributed - inProcess).TotalMilliseconds / options.Steps, "ms",
            null, null, "≤ 0.5 ms"));

        // Latency and submission are measured on warm services, as in a running installation: the first hundred calls of
        // a path run tier-0 code (sequential POST p50: 10.7 ms over the first 50, 6.1 ms over 1,500 after 1,500 others).
        Console.Error.WriteLine($"warm-up: {options.WarmUp} executions, submitted and polled as the samples are...");
        for (var i = 0; i < options.WarmUp; i++) await FirstStepLatencyAsync(stack, live);
        await SubmissionAsync(stack, options.WarmUp);

        Console.Error.WriteLine($"latency: {options.Samples} executions...");
        var latencies = new List<double>();
        for (var i = 0; i < options.Samples; i++) latencies.Add(await FirstStepLatencyAsync(stack, live));
        rows.Add(new("submit-to-first-step p50", BenchmarkReport.Percentile(latencies, 0.50), "ms", null, null, "≤ 5 ms"));
        rows.Add(new("submit-to-first-step p95", BenchmarkReport.Percentile(latencies, 0.95), "ms", null, null, "≤ 10 ms"));

        Console.Error.WriteLine($"submission: {options.Samples} sequential POSTs...");
        var (posts, gets) = await SubmissionAsync(stack, options.Samples);
        rows.Add(new("POST /api/v1/executions p50 (sequential)", BenchmarkReport.Percentile(posts, 0.50), "ms",
            "GET /api/v1/executions/{id} p50", BenchmarkReport.Percentile(gets, 0.50), "≤ 5 ms"));
        rows.Add(new("POST /api/v1/executions p95 (sequential)", BenchmarkReport.Percentile(posts, 0.95), "ms",
            "GET /api/v1/executions/{id} p95", BenchmarkReport.Percentile(gets, 0.95), "≤ 15 ms"));

        Console.Error.WriteLine($"throughput: {options.Burst} one-step executions at once...");
        var (rate, listTimes) = await ThroughputAsync(stack, options.Burst);
        rows.Add(new($"throughput, {options.Burst} one-step executions at once", rate, "executions/s", null, null, "≥ 100/s"));
        rows.Add(new("GET /api/v1/executions p99 during the burst", BenchmarkReport.Percentile(listTimes, 0.99), "ms", null, null, "≤ 50 ms"));
        if (Environment.GetEnvironmentVariable("BENCH_SERVICE_LOGS") is { Length: > 0 } logs)
        {
            // The services' own output, for profiling (make bench BENCH_SERVICE_LOGS=dir).
            Directory.CreateDirectory(logs);
            await File.WriteAllTextAsync(Path.Combine(logs, "api.log"), stack.Api.Output);
            await File.WriteAllTextAsync(Path.Combine(logs, "runner.log"), string.Join("\n", stack.Runners.Select(r => r.Output)));
        }
        return rows;
    }

    public static string GeneratePlaybook(int steps)
    {
        var text = new StringBuilder("name: Benchmark\nversion: \"1.0\"\nsteps:\n");
        for (var i = 1; i <= steps; i++)
            text.Append("  - id: s").Append(i).Append("\n    type: utility.log\n    parameters: { message: \"step ").Append(i).Append("\" }\n");
        return text.ToString();
    }

    /// <summary>From the <c>POST</c> to the moment a live view learns the execution completed.</summary>
    private static async Task<TimeSpan> DistributedAsync(ToolkitStack stack, LiveCompletions live, string playbook)
    {
        var started = Stopwatch.GetTimestamp();
        var id = await stack.StartExecutionAsync(playbook);
        return Stopwatch.GetElapsedTime(started, await live.WaitCompletedAsync(id, TimeSpan.FromMinutes(10)));
    }

    private static async Task<double> FirstStepLatencyAsync(ToolkitStack stack, LiveCompletions live)
    {
        var id = await stack.StartExecutionAsync("one.yaml");
        await live.WaitCompletedAsync(id, TimeSpan.FromMinutes(1));
        var execution = await stack.GetExecutionAsync(id);
        var created = Timestamp(execution["execution"]!["created_at"]);
        var firstStep = Timestamp(execution["steps"]![0]!["started_at"]);
        return (firstStep - created).TotalMilliseconds;
    }

    private static async Task<(List<double> Posts, List<double> Gets)> SubmissionAsync(ToolkitStack stack, int samples)
    {
        var posts = new List<double>();
        var gets = new List<double>();
        for (var i = 0; i < samples; i++)
        {
            var clock = Stopwatch.StartNew();
            var id = await stack.StartExecutionAsync("one.yaml");
            posts.Add(clock.Elapsed.TotalMilliseconds);
            clock.Restart();
            await stack.GetExecutionAsync(id);
            gets.Add(clock.Elapsed.TotalMilliseconds);
        }
        return (posts, gets);
    }

    private static async Task<(double Rate, List<double> ListTimes)> ThroughputAsync(ToolkitStack stack, int count)
    {
        await File.WriteAllTextAsync(Path.Combine(stack.Library, "burst.yaml"), GeneratePlaybook(1).Replace("Benchmark", "Burst", StringComparison.Ordinal));
        var clock = Stopwatch.StartNew();
        using var gate = new SemaphoreSlim(16);
        var submissions = Enumerable.Range(0, count).Select(async _ =>
        {
            await gate.WaitAsync();
            try { await stack.StartExecutionAsync("burst.yaml"); }
            finally { gate.Release(); }
        }).ToList();
        var listTimes = new List<double>();
        var done = 0;
        while (done < count)
        {
            if (clock.Elapsed > TimeSpan.FromMinutes(10)) throw new TimeoutException($"only {done} of {count} burst executions completed");
            var timer = Stopwatch.StartNew();
            var page = await stack.Http.GetFromJsonAsync<JsonNode>("api/v1/executions?playbook_path=burst.yaml&status=completed&page_size=20");
            listTimes.Add(timer.Elapsed.TotalMilliseconds);
            done = page!["total_count"]!.GetValue<int>();
            if (done < count) await Task.Delay(10);
        }
        var elapsed = clock.Elapsed;
        await Task.WhenAll(submissions);
        return (count / elapsed.TotalSeconds, listTimes);
    }

    private static DateTimeOffset Timestamp(JsonNode? node) =>
        DateTimeOffset.Parse(node!.GetValue<string>(), CultureInfo.InvariantCulture);
}

/// <summary>The bench's sizes and scenarios: <c>make bench BENCH_ARGS="steps samples burst [only=bus,gateway,perspective,scaleout]"</c>.</summary>
internal sealed record BenchmarkOptions(int Steps = 1000, int Samples = 50, int Burst = 300)
{
    /// <summary>The scenarios to run (all when empty).</summary>
    public IReadOnlySet<string> Only { get; init; } = new HashSet<string>();

    /// <summary>Unmeasured runs of the N-step playbook (through the bus and in-process) at least, before the measured ones;
    /// more until the JIT is quiet (<see cref="JitActivity"/>).</summary>
    public int WarmUpRuns { get; init; } = 20;

    /// <summary>Unmeasured runs of the latency and submission scenarios before their samples.</summary>
    public int WarmUp { get; init; } = 200;

    /// <summary><c>gateway.ping</c> steps against as many raw requests.</summary>
    public int Pings { get; init; } = 50;

    /// <summary>Samples of the scenarios that start processes or browsers (median taken).</summary>
    public int ProcessSamples { get; init; } = 7;

    /// <summary>I/O-bound executions of the scale-out scenario, and how long each waits.</summary>
    public int Waiting { get; init; } = 200;

    public double WaitSeconds { get; init; } = 2;

    public bool Runs(string scenario) => Only.Count == 0 || Only.Contains(scenario);
}
