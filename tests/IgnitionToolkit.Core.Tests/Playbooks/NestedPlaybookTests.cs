using IgnitionToolkit.Core.Playbooks;
using static IgnitionToolkit.Core.Tests.Playbooks.LoaderTestKit;

namespace IgnitionToolkit.Core.Tests.Playbooks;

public class NestedPlaybookTests
{
    private static string Runner(string child, string extra = "") => $"""
        name: parent
        version: '1'
        steps:
          - id: call
            type: playbook.run
            parameters:
              playbook: {child}{extra}
        """;

    private const string Child = """
        name: child
        version: '1'
        parameters:
          - {name: who, type: string}
          - {name: mood, type: string, default: happy}
        steps:
          - id: hi
            type: utility.log
            parameters: {message: "hi {{ who }}"}
        """;

    private static InMemoryPlaybookSource Source(params (string Path, string Text)[] files) =>
        new(files.ToDictionary(f => f.Path, f => Normalize(f.Text)));

    [Fact]
    public void Child_is_found_relative_to_the_caller_and_validated()
    {
        var source = Source(("lib/parent.yaml", Runner("child.yaml", "\n      who: me")), ("lib/child.yaml", Child));
        AssertValid(Load(source.Find("lib/parent.yaml", "")!.Text, source, "lib/parent.yaml"));
    }

    [Fact]
    public void Missing_child_is_an_error_on_the_playbook_parameter()
    {
        var error = SingleError(Load(Runner("nowhere.yaml"), Source()));
        Assert.Equal("steps[0].parameters.playbook", error.Field);
        Assert.Equal("nested playbook 'nowhere.yaml' not found (looked in the playbook library and next to 'test.yaml')", error.Message);
        AssertAt(error, 7, 17);
    }

    [Fact]
    public void Child_diagnostics_carry_the_child_file_name()
    {
        var source = Source(("broken.yaml", "name: b\nversion: '1'\nsteps:\n  - {id: x, type: nope.nope}\n"));
        var error = SingleError(Load(Runner("broken.yaml"), source));
        AssertAt(error, 4, 19, "broken.yaml");
        Assert.StartsWith("unknown step type 'nope.nope'", error.Message);
    }

    [Fact]
    public void Required_child_parameters_must_be_passed()
    {
        var error = SingleError(Load(Runner("child.yaml"), Source(("child.yaml", Child))));
        Assert.Equal("steps[0].parameters", error.Field);
        Assert.Equal("nested playbook 'child.yaml' requires parameter 'who' (declared at child.yaml:4), which step 'call' does not pass " +
                     "and this playbook has no parameter or variable of that name", error.Message);
        AssertAt(error, 7, 7);
    }

    [Theory]
    [InlineData("parameters:\n  - {name: who, type: string}\n")]
    [InlineData("")]
    public void A_required_child_parameter_may_come_from_the_callers_parameter_or_variable_of_the_same_name(string parameters)
    {
        var variable = parameters.Length == 0
            ? "  - id: set\n    type: utility.set_variable\n    parameters: {name: who, value: me}\n" : "";
        var parent = $"name: parent\nversion: '1'\n{parameters}steps:\n{variable}  - id: call\n    type: playbook.run\n    parameters:\n      playbook: child.yaml\n";
        AssertValid(Load(parent, Source(("child.yaml", Child))));
    }

    [Fact]
    public void Parameters_the_child_does_not_declare_are_a_warning()
    {
        var result = Load(Runner("child.yaml", "\n      who: me\n      colour: red"), Source(("child.yaml", Child)));
        AssertValid(result);
        Assert.Equal("nested playbook 'child.yaml' declares no parameter 'colour'; the value is ignored", Assert.Single(result.Warnings).Message);
    }

    [Fact]
    public void A_cycle_is_an_error_naming_the_chain()
    {
        var source = Source(("a.yaml", Runner("b.yaml")), ("b.yaml", Runner("a.yaml")));
        var result = Load(source.Find("a.yaml", "")!.Text, source, "a.yaml");
        var error = SingleError(result);
        Assert.Equal("b.yaml", error.Location.File);
        Assert.Equal("nested playbooks form a cycle: a.yaml → b.yaml → a.yaml", error.Message);
    }

    [Fact]
    public void Calling_itself_is_a_cycle()
    {
        var source = Source(("self.yaml", Runner("self.yaml")));
        var error = SingleError(Load(source.Find("self.yaml", "")!.Text, source, "self.yaml"));
        Assert.Equal("nested playbooks form a cycle: self.yaml → self.yaml", error.Message);
    }

    [Fact]
    public void Depth_over_the_limit_is_an_error()
    {
        var source = Source(("l1.yaml", Runner("l2.yaml")), ("l2.yaml", Runner("l3.yaml")), ("l3.yaml", Runner("l4.yaml")),
            ("l4.yaml", "name: leaf\nversion: '1'\nsteps:\n  - {id: w, type: utility.wait}\n"));
        Assert.True(Load(Runner("l2.yaml"), source, "root.yaml").IsValid, "depth 3 is allowed");
        var error = SingleError(Load(Runner("l1.yaml"), source, "root.yaml"));
        Assert.Equal("l3.yaml", error.Location.File);
        Assert.Equal("nested playbooks go deeper than 3 levels: root.yaml → l1.yaml → l2.yaml → l3.yaml → l4.yaml", error.Message);
    }

    [Fact]
    public void Template_playbook_path_is_a_warning_checked_at_run_time()
    {
        var result = Load("""
            name: p
            version: '1'
            parameters: [{name: which, type: string}]
            steps:
              - id: call
                type: playbook.run
                parameters: {playbook: "{{ which }}"}
            """, Source());
        AssertValid(result);
        Assert.Contains("chosen at run time", Assert.Single(result.Warnings).Message);
    }

    [Fact]
    public void Without_a_source_nested_playbooks_are_not_checked() => AssertValid(Load(Runner("anything.yaml")));

    [Fact]
    public void Bundle_collects_every_nested_playbook_recursively()
    {
        var source = Source(("top.yaml", Runner("mid.yaml")), ("mid.yaml", Runner("sub/leaf")),
            ("sub/leaf.yaml", Child), ("unrelated.yaml", Child));
        var root = Load(source.Find("top.yaml", "")!.Text, source, "top.yaml").Playbook!;
        var bundle = PlaybookBundle.Collect(root, source);
        Assert.Equal(["mid.yaml", "sub/leaf.yaml"], bundle.Keys.Order());
        Assert.Equal(Normalize(Child), bundle["sub/leaf.yaml"]);
    }

    [Fact]
    public void Fan_out_of_nested_calls_is_loaded_once_per_child()
    {
        static string Caller(string child, int times) =>
            "name: fan\nversion: '1'\nsteps:\n" + string.Concat(Enumerable.Range(0, times)
                .Select(i => $"  - {{id: c{i}, type: playbook.run, parameters: {{playbook: {child}}}}}\n"));
        var source = Source(("l1.yaml", Caller("l2.yaml", 300)), ("l2.yaml", Caller("l3.yaml", 300)),
            ("l3.yaml", "name: leaf\nversion: '1'\nsteps:\n  - {id: w, type: nope}\n"));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var result = Load(Caller("l1.yaml", 300), source, "root.yaml");
        // loading each call anew would mean 27 million loads (hours); once per child ends in milliseconds
        Assert.True(watch.Elapsed < TimeSpan.FromMinutes(2), $"took {watch.Elapsed}");
        Assert.Equal("l3.yaml", SingleError(result).Location.File);
    }
}
