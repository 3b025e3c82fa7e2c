using System.Globalization;
using IgnitionToolkit.Core.Plugins;

namespace IgnitionToolkit.Plugins.Perspective.Fat;

/// <summary>One test row of a FAT report.</summary>
internal sealed record FatTest(string Name, string Status, string Detail);

/// <summary>What a FAT report shows, read from the step's parameters (v5 shapes: test_results {results[], total, passed,
/// failed, skipped}, or the outputs of perspective.execute_test_manifest; visual_analysis {issues_count, report.compliance}).</summary>
internal sealed record FatReportData(
    string Project, string Date, string Tester, string Client,
    IReadOnlyList<FatTest> Tests, long Total, long Passed, long Failed, long Skipped,
    long? VisualIssues, IReadOnlyDictionary<string, object?>? Compliance)
{
    public static FatReportData From(StepContext context)
    {
        var results = Map(context.Parameters.GetValueOrDefault("test_results"), "test_results")
            ?? throw new StepParameterException("test_results", "parameter 'test_results' is required");
        if (results.Count == 0) throw new StepParameterException("test_results", "'test_results' is empty: give {results: [...], total, passed, failed, skipped}");
        var tests = new List<FatTest>();
        if (results.GetValueOrDefault("results") is List<object?> list)
            foreach (var (item, i) in list.Select((item, i) => (item, i)))
                tests.Add(Test(item, i));
        long Count(string key, string status) =>
            Number(results.GetValueOrDefault(key)) ?? tests.Count(t => t.Status.Equals(status, StringComparison.OrdinalIgnoreCase));
        var metadata = Map(context.Parameters.GetValueOrDefault("metadata"), "metadata") ?? new Dictionary<string, object?>();
        var visual = Map(context.Parameters.GetValueOrDefault("visual_analysis"), "visual_analysis");
        var compliance = visual is null ? null : Map(Map(visual.GetValueOrDefault("report"), "visual_analysis")?.GetValueOrDefault("compliance"), "visual_analysis");
        return new FatReportData(
            Text(metadata, "project_name") ?? "Unnamed project",
            Text(metadata, "test_date") ?? DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Text(metadata, "tester") ?? "", Text(metadata, "client") ?? "",
            tests, Number(results.GetValueOrDefault("total")) ?? tests.Count, Count("passed", "passed"), Count("failed", "failed"), Count("skipped", "skipped"),
            visual is null ? null : Number(visual.GetValueOrDefault("issues_count")) ?? 0, compliance);
    }

    private static FatTest Test(object? item, int index)
    {
        if (item is not IReadOnlyDictionary<string, object?> map) return new FatTest($"Test {index + 1}", "unknown", Convert.ToString(item, CultureInfo.InvariantCulture) ?? "");
        var name = Text(map, "name") ?? Text(map, "test_name") ?? Text(map, "test") ?? Text(map, "component_id") ?? Text(map, "id") ?? $"Test {index + 1}";
        var status = Text(map, "status") ?? Text(map, "result") ?? (map.GetValueOrDefault("passed") is bool b ? (b ? "passed" : "failed") : "unknown");
        var detail = string.Join(" — ", new[] { Text(map, "action") is { } a ? $"{a} {Text(map, "selector")}".Trim() : null,
            Text(map, "message"), Text(map, "error") }.Where(t => !string.IsNullOrEmpty(t)));
        return new FatTest(name, status.ToLowerInvariant(), detail);
    }

    private static IReadOnlyDictionary<string, object?>? Map(object? value, string parameter) => value switch
    {
        null => null,
        IReadOnlyDictionary<string, object?> map => map,
        string text => throw new StepParameterException(parameter,
            $"'{parameter}' must be a map, got text '{(text.Length > 60 ? text[..60] + "…" : text)}' (give a map, e.g. {{ results: \"{{{{ step.<id>.results }}}}\" }})"),
        _ => throw new StepParameterException(parameter, $"'{parameter}' must be a map"),
    };

    private static string? Text(IReadOnlyDictionary<string, object?> map, string key) =>
        map.GetValueOrDefault(key) is { } v && Convert.ToString(v, CultureInfo.InvariantCulture) is { Length: > 0 } s ? s : null;

    private static long? Number(object? value) => value switch
    {
        long l => l,
        int i => i,
        double d => (long)d,
        string s when long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };
}
