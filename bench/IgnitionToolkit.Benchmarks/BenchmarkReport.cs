using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace IgnitionToolkit.Benchmarks;

/// <summary>One line of the table: a scenario's figure next to the baseline measured in the same run.</summary>
/// <param name="Figure">The toolkit's figure (milliseconds, or executions/s as <paramref name="Unit"/> says).</param>
/// <param name="Baseline">What a user would use instead, measured in the same run (null: none, the target stands alone).</param>
/// <param name="Target">The target for the ratio or the figure, as text.</param>
internal sealed record BenchmarkRow(string Scenario, double Figure, string Unit, string? BaselineName, double? Baseline, string Target)
{
    /// <summary>Figure / baseline (for a rate, baseline / figure would read backwards: rates have no baseline here).</summary>
    public double? Ratio => Baseline is > 0 ? Figure / Baseline : null;
}

/// <summary>What <c>make bench</c> prints and writes to <c>artifacts/bench/</c> (Markdown and JSON).</summary>
internal sealed record BenchmarkReport(DateTimeOffset Date, string Machine, IReadOnlyList<BenchmarkRow> Rows)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Ignition Toolkit benchmark, {Date:yyyy-MM-dd HH:mm} UTC, {Machine}\n\n");
        text.Append("| Scenario | Figure | Baseline (same run) | Ratio | Target |\n|---|---:|---|---:|---|\n");
        foreach (var row in Rows)
        {
            var baseline = row.Baseline is { } b ? $"{row.BaselineName}: {Format(b, row.Unit)}" : row.BaselineName ?? "—";
            var ratio = row.Ratio is { } r ? r.ToString("F2", CultureInfo.InvariantCulture) + "×" : "—";
            text.Append(CultureInfo.InvariantCulture, $"| {row.Scenario} | {Format(row.Figure, row.Unit)} | {baseline} | {ratio} | {row.Target} |\n");
        }
        return text.ToString();
    }

    public void Print(TextWriter output) => output.Write(ToMarkdown());

    /// <summary>Writes <c>bench-&lt;date&gt;.md/.json</c> and <c>latest.md/.json</c> under <paramref name="directory"/>.</summary>
    public async Task WriteAsync(string directory)
    {
        Directory.CreateDirectory(directory);
        var stamp = Date.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var markdown = ToMarkdown();
        var json = JsonSerializer.Serialize(new
        {
            date = Date, machine = Machine,
            rows = Rows.Select(r => new { r.Scenario, r.Figure, r.Unit, baseline_name = r.BaselineName, r.Baseline, r.Ratio, r.Target }),
        }, Json);
        foreach (var name in new[] { $"bench-{stamp}", "latest" })
        {
            await File.WriteAllTextAsync(Path.Combine(directory, name + ".md"), markdown);
            await File.WriteAllTextAsync(Path.Combine(directory, name + ".json"), json);
        }
    }

    private static string Format(double value, string unit) => unit switch
    {
        "ms" => value.ToString(value < 10 ? "F2" : "F1", CultureInfo.InvariantCulture) + " ms",
        _ => value.ToString("F1", CultureInfo.InvariantCulture) + " " + unit,
    };

    public static double Percentile(IReadOnlyCollection<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) return double.NaN;
        var rank = p * (sorted.Length - 1);
        var low = (int)Math.Floor(rank);
        var high = (int)Math.Ceiling(rank);
        return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
    }

    public static string DescribeMachine() =>
        $"{Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}";
}
