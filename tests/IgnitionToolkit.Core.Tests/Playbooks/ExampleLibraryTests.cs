using IgnitionToolkit.Core.Configuration;
using IgnitionToolkit.Core.Playbooks;
using IgnitionToolkit.Core.Tests.Playbooks.Fakes;

namespace IgnitionToolkit.Core.Tests.Playbooks;

public class ExampleLibraryTests
{
    private static string Library =>
        Path.Combine(ToolkitPaths.FindRepositoryRoot(AppContext.BaseDirectory)
                     ?? throw new InvalidOperationException("tests must run from a checkout"), "playbooks");

    /// <summary>Categories whose playbooks use built-in steps only; the others (gateway, ...) are validated
    /// with their plugins in those plugins' test projects.</summary>
    private static readonly string[] BuiltInCategories = ["debug", "nested", "utility"];

    public static IEnumerable<object[]> Files() =>
        Directory.EnumerateFiles(Library, "*.yaml", SearchOption.AllDirectories).Order()
            .Select(f => Path.GetRelativePath(Library, f).Replace('\\', '/'))
            .Where(f => BuiltInCategories.Contains(f.Split('/')[0]))
            .Select(f => new object[] { f });

    [Fact]
    public void The_library_holds_the_documented_examples() =>
        Assert.Equal(
            ["debug/breakpoint_demo.yaml", "nested/child_greeting.yaml", "nested/parent.yaml", "utility/hello_world.yaml", "utility/wait_and_log.yaml"],
            Files().Select(f => (string)f[0]));

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_example_validates_with_built_in_steps_only(string relativePath)
    {
        var source = new FileSystemPlaybookSource(Library);
        var loader = new PlaybookLoader(new TestCatalog(includeFakes: false));
        var result = loader.Load(File.ReadAllText(Path.Combine(Library, relativePath)), relativePath, source);
        Assert.True(result.IsValid && !result.Warnings.Any(), string.Join("\n", result.Diagnostics));

        var metadata = result.Playbook!.Metadata;
        Assert.Equal(relativePath.Split('/')[0], metadata["category"]);
        Assert.Equal("Ignition Toolkit", metadata["author"]);
        Assert.NotEmpty(Assert.IsType<List<object?>>(metadata["tags"]));
    }

    [Fact]
    public void Nested_example_bundles_its_child()
    {
        var source = new FileSystemPlaybookSource(Library);
        var parent = new PlaybookLoader(new TestCatalog()).Load(
            File.ReadAllText(Path.Combine(Library, "nested", "parent.yaml")), "nested/parent.yaml", source).Playbook!;
        Assert.Equal(["nested/child_greeting.yaml"], PlaybookBundle.Collect(parent, source).Keys);
        Assert.Equal(3L, parent.Steps[1].Parameters["excitement"]);
    }
}
