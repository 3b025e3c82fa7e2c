using IgnitionToolkit.Benchmarks;

var steps = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 1000;
var report = await BenchmarkRunner.RunAsync(steps, latencySamples: 20);
report.Print(Console.Out);
