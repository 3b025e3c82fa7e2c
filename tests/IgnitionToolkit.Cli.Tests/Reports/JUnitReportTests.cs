using System.Xml.Linq;
using IgnitionToolkit.Cli.Tests.Support;

namespace IgnitionToolkit.Cli.Tests.Reports;

/// <summary><c>run --junit</c>: a file CI servers read, checked against the JUnit XSD (Reports/junit.xsd).</summary>
[Trait("Category", "Functional")]
public sealed class JUnitReportTests : IDisposable
{
    private readonly CliRunner _cli = new();

    [Fact]
    public async Task Failed_nested_run_writes_a_valid_junit_file_with_a_test_case_per_step_and_a_nested_suite()
    {
        var parent = _cli.Folder.Write("nested/parent.yaml", Playbooks.ParentOfFailingChild);
        _cli.Folder.Write("nested/child.yaml", Playbooks.FailingChild);
        var junit = Path.Combine(_cli.Folder.Path, "out", "junit.xml");

        Assert.Equal(1, await _cli.RunAsync("run", parent, "--junit", junit));

        var problems = JUnitSchema.Validate(junit);
        Assert.True(problems.Count == 0, string.Join('\n', problems));
        var root = XDocument.Load(junit).Root!;
        var suite = root.Element("testsuite")!;
        Assert.Equal("parent", suite.Attribute("name")!.Value);
        Assert.Equal(["first (First)", "call (Call the child)"], suite.Elements("testcase").Select(c => c.Attribute("name")!.Value));
        var nested = suite.Element("testsuite")!;
        Assert.Equal("parent / call", nested.Attribute("name")!.Value);
        var slow = nested.Elements("testcase").Single(c => c.Attribute("name")!.Value.StartsWith("inner_slow", StringComparison.Ordinal));
        var failure = slow.Element("failure")!;
        Assert.False(string.IsNullOrWhiteSpace(failure.Attribute("message")!.Value));
        Assert.True(double.Parse(slow.Attribute("time")!.Value, System.Globalization.CultureInfo.InvariantCulture) >= 0.5);
        var log = nested.Elements("testcase").Single(c => c.Attribute("name")!.Value.StartsWith("inner_log", StringComparison.Ordinal));
        Assert.Contains("hello from the child <&>", log.Element("system-out")!.Value);
        Assert.Equal("2", root.Attribute("failures")!.Value); // the child's step and the calling step
    }

    public void Dispose() => _cli.Dispose();
}
