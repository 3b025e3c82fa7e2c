using System.Globalization;
using IgnitionToolkit.Benchmarks;
using IgnitionToolkit.Testing;

// make bench: [steps] [samples] [burst] [only=bus,gateway,perspective,scaleout]
// make soak: soak [minutes] [max growth %] | soak executions=N [max growth %]
// a gateway.ping step's time, layer by layer: split [rounds]
if (args.Length > 0 && args[0] == "split")
{
    await Split.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000);
    return 0;
}
if (args.Length > 0 && args[0] == "soak")
{
    var count = args.Length > 1 && args[1].StartsWith("executions=", StringComparison.Ordinal)
        ? int.Parse(args[1]["executions=".Length..], CultureInfo.InvariantCulture) : (int?)null;
    var minutes = count is null && args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 10;
    var growth = args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : count is null ? 25 : 10;
    return await SoakRunner.RunAsync(TimeSpan.FromMinutes(minutes), count, growth);
}

var numbers = args.Where(a => !a.Contains('=', StringComparison.Ordinal)).ToArray();
int Arg(int index, int fallback) => numbers.Length > index && int.TryParse(numbers[index], out var n) ? n : fallback;
var only = args.FirstOrDefault(a => a.StartsWith("only=", StringComparison.Ordinal))?["only=".Length..].Split(',', StringSplitOptions.RemoveEmptyEntries) ?? [];
var defaults = new BenchmarkOptions();
var report = await BenchmarkRunner.RunAsync(new BenchmarkOptions(Arg(0, defaults.Steps), Arg(1, defaults.Samples), Arg(2, defaults.Burst))
{
    Only = only.ToHashSet(StringComparer.Ordinal),
});
report.Print(Console.Out);
var directory = Path.Combine(RepositoryLayout.Root, "artifacts", "bench");
await report.WriteAsync(directory);
Console.Out.WriteLine($"\nwritten to {directory}/latest.md and latest.json");
return 0;
