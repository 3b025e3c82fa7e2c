using System.Globalization;
using IgnitionToolkit.Benchmarks;

// make bench: [steps]; make soak: soak [minutes] [max growth %]
if (args.Length > 0 && args[0] == "soak")
{
    var minutes = args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 10;
    var growth = args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 25;
    return await SoakRunner.RunAsync(TimeSpan.FromMinutes(minutes), growth);
}

var steps = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 1000;
var report = await BenchmarkRunner.RunAsync(steps, latencySamples: 20);
report.Print(Console.Out);
return 0;
