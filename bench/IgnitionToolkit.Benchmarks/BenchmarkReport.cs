using System.Globalization;

namespace IgnitionToolkit.Benchmarks;

/// <summary>What <c>make bench</c> prints: ratios against the in-process baseline measured in the same run.</summary>
internal sealed record BenchmarkReport(int Steps, TimeSpan InProcess, TimeSpan Distributed, IReadOnlyList<double> LatenciesMs)
{
    public void Print(TextWriter output)
    {
        var perStepLocal = InProcess.TotalMilliseconds / Steps;
        var perStepDistributed = Distributed.TotalMilliseconds / Steps;
        var sorted = LatenciesMs.Order().ToArray();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            Ignition Toolkit benchmark ({Steps} x utility.log)
              in-process engine (baseline)        {InProcess.TotalMilliseconds,10:F1} ms   {perStepLocal,8:F3} ms/step
              API + RabbitMQ + Runner + database  {Distributed.TotalMilliseconds,10:F1} ms   {perStepDistributed,8:F3} ms/step
              per-step overhead                   {perStepDistributed - perStepLocal,8:F3} ms/step
              ratio distributed / in-process      {Distributed / InProcess,8:F2} x
              submit-to-first-step latency (n={sorted.Length})  p50 {Percentile(sorted, 0.50):F1} ms   p95 {Percentile(sorted, 0.95):F1} ms
            """));
    }

    private static double Percentile(double[] sorted, double p)
    {
        if (sorted.Length == 0) return double.NaN;
        var rank = p * (sorted.Length - 1);
        var low = (int)Math.Floor(rank);
        var high = (int)Math.Ceiling(rank);
        return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
    }
}
