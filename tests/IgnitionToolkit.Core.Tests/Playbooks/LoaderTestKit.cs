using IgnitionToolkit.Core.Playbooks;
using IgnitionToolkit.Core.Tests.Playbooks.Fakes;

namespace IgnitionToolkit.Core.Tests.Playbooks;

/// <summary>Helpers shared by the playbook tests.</summary>
internal static class LoaderTestKit
{
    public const string TestFile = "test.yaml";

    public static PlaybookLoader Loader(PlaybookLoaderOptions? options = null) =>
        new(new TestCatalog(), options ?? PlaybookLoaderOptions.Default);

    public static PlaybookLoadResult Load(string yaml, IPlaybookSource? source = null, string file = TestFile) =>
        Loader().Load(Normalize(yaml), file, source);

    /// <summary>Test YAML is written with C# raw strings; make line endings predictable.</summary>
    public static string Normalize(string yaml) => yaml.Replace("\r\n", "\n", StringComparison.Ordinal);

    public static PlaybookDiagnostic SingleError(PlaybookLoadResult result)
    {
        var errors = result.Errors.ToList();
        Assert.True(errors.Count == 1, "expected one error, got:\n" + string.Join("\n", result.Diagnostics));
        return errors[0];
    }

    public static PlaybookDiagnostic ErrorOn(PlaybookLoadResult result, string field)
    {
        var error = result.Errors.FirstOrDefault(d => d.Field == field);
        Assert.True(error is not null, $"expected an error on '{field}', got:\n" + string.Join("\n", result.Diagnostics));
        return error!;
    }

    public static void AssertAt(PlaybookDiagnostic diagnostic, int line, int column, string? file = null)
    {
        Assert.Equal(file ?? TestFile, diagnostic.Location.File);
        Assert.True(line == diagnostic.Location.Line && column == diagnostic.Location.Column,
            $"expected {line}:{column}, got {diagnostic}");
    }

    public static void AssertValid(PlaybookLoadResult result) =>
        Assert.True(result.IsValid, "expected a valid playbook, got:\n" + string.Join("\n", result.Diagnostics));
}
