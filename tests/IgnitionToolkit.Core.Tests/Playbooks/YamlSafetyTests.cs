using System.Diagnostics;
using System.Text;
using static IgnitionToolkit.Core.Tests.Playbooks.LoaderTestKit;

namespace IgnitionToolkit.Core.Tests.Playbooks;

public class YamlSafetyTests
{
    [Fact]
    public void Syntax_error_is_reported_with_line_and_column()
    {
        var result = Load("""
            name: broken
            version: "1.0"
            steps:
              - id: a
                type: utility.log
                parameters: { message: "unterminated
            """);
        var error = SingleError(result);
        Assert.Null(result.Playbook);
        Assert.Equal("yaml", error.Field);
        Assert.StartsWith("YAML syntax error", error.Message);
        Assert.True(error.Location.Line >= 6, error.ToString());
        Assert.True(error.Location.Column > 0, error.ToString());
    }

    [Fact]
    public void File_over_the_size_limit_is_refused_without_parsing()
    {
        var big = new StringBuilder("name: big\nversion: '1'\nsteps:\n");
        while (big.Length < 2 * 1024 * 1024) big.Append("  - {id: s").Append(big.Length).Append(", type: utility.wait}\n");
        var watch = Stopwatch.StartNew();
        var error = SingleError(Load(big.ToString()));
        Assert.Equal("file", error.Field);
        Assert.Contains("limited to 1,048,576 bytes", error.Message);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Billion_laughs_is_refused_quickly()
    {
        var yaml = new StringBuilder("a0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (var i = 1; i < 10; i++)
            yaml.Append($"a{i}: &a{i} [{string.Join(",", Enumerable.Repeat($"*a{i - 1}", 9))}]\n");
        var watch = Stopwatch.StartNew();
        var result = Load(yaml.ToString());
        var error = SingleError(result);
        Assert.Null(result.Playbook);
        Assert.Contains("alias", error.Message);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }

    [Fact]
    public void Alias_count_limit_applies_even_to_small_expansions()
    {
        var yaml = new StringBuilder("x: &x 1\nlist:\n");
        for (var i = 0; i < 150; i++) yaml.Append("  - *x\n");
        var error = SingleError(Load(yaml.ToString()));
        Assert.Contains("too many YAML aliases (more than 100)", error.Message);
        AssertAt(error, 103, 5);
    }

    [Fact]
    public void A_few_aliases_are_fine()
    {
        AssertValid(Load("""
            name: anchors
            version: "1.0"
            steps:
              - id: a
                type: utility.log
                parameters: &p
                  message: hello
              - id: b
                type: utility.log
                parameters: *p
            """));
    }

    [Theory]
    [InlineData("!!python/object:os.system", "!!python/object:os.system")]
    [InlineData("!foo", "!foo")]
    public void Custom_type_tags_are_refused(string tag, string shown)
    {
        var result = Load($"""
            name: tagged
            version: "1.0"
            steps:
              - id: a
                type: utility.log
                parameters:
                  message: {tag} "rm -rf /"
            """);
        var error = SingleError(result);
        Assert.Null(result.Playbook);
        Assert.Equal($"custom YAML tag '{shown}' is not allowed; playbooks use plain values only", error.Message);
        AssertAt(error, 7, 16);
    }

    [Fact]
    public void Standard_tags_are_accepted()
    {
        var result = Load("""
            name: tagged
            version: !!str 2
            steps:
              - id: a
                type: utility.wait
                parameters:
                  seconds: !!float 1
            """);
        AssertValid(result);
        Assert.Equal("2", result.Playbook!.Version);
    }

    [Fact]
    public void Duplicate_keys_are_refused_with_their_position()
    {
        var result = Load("""
            name: dup
            version: "1.0"
            steps:
              - id: a
                type: utility.log
                type: utility.wait
            """);
        var error = SingleError(result);
        Assert.Equal("type", error.Field);
        Assert.Equal("duplicate key 'type'", error.Message);
        AssertAt(error, 6, 5);
    }

    [Fact]
    public void Several_documents_are_refused()
    {
        var error = SingleError(Load("name: a\n---\nname: b\n"));
        Assert.Contains("exactly one YAML document", error.Message);
        AssertAt(error, 2, 1);
    }

    [Fact]
    public void Very_deep_nesting_is_refused()
    {
        var yaml = "x: " + new string('[', 500) + new string(']', 500) + "\n";
        var error = SingleError(Load(yaml));
        Assert.Contains("nested deeper than 64 levels", error.Message);
    }

    [Fact]
    public void Empty_file_and_non_map_are_reported()
    {
        Assert.Equal("the file is empty", SingleError(Load("")).Message);
        Assert.Equal("a playbook must be a YAML map with name, version and steps, not a list",
            SingleError(Load("- a\n- b\n")).Message);
    }

    [Fact]
    public void Pathological_template_text_is_checked_quickly()
    {
        var message = string.Concat(Enumerable.Repeat("{{ {{", 150_000));
        var yaml = $"name: x\nversion: '1'\nsteps:\n  - id: a\n    type: utility.log\n    parameters: {{message: \"{message}\"}}\n";
        var watch = Stopwatch.StartNew();
        AssertValid(Load(yaml));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }

    [Fact]
    public void Recursive_alias_is_refused()
    {
        var result = Load("a: &a [1, *a]\n");
        Assert.Null(result.Playbook);
        Assert.Contains("alias", SingleError(result).Message);
    }

    [Fact]
    public void A_large_valid_file_validates_quickly()
    {
        var yaml = new StringBuilder("name: big\nversion: '1'\nparameters:\n");
        for (var i = 0; i < 2000; i++) yaml.Append($"  - {{name: p{i}, type: integer, default: {i}}}\n");
        yaml.Append("steps:\n  - {id: s0, type: utility.log, parameters: {message: start}}\n");
        for (var i = 1; yaml.Length < 900_000; i++)
            yaml.Append($"  - {{id: s{i}, type: utility.log, parameters: {{message: \"{{{{ step.s{i - 1}.message }}}} {{{{ p{i % 2000} }}}}\"}}}}\n");
        var watch = Stopwatch.StartNew();
        AssertValid(Load(yaml.ToString()));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
    }

    [Fact]
    public void Merge_keys_fill_in_fields_the_map_does_not_set()
    {
        var result = Load("""
            name: merge
            version: "1.0"
            steps:
              - &base
                id: a
                type: utility.log
                parameters: {message: hi}
                on_failure: continue
              - <<: *base
                id: b
            """);
        AssertValid(result);
        var b = result.Playbook!.Steps[1];
        Assert.Equal(("b", "utility.log", IgnitionToolkit.Core.Playbooks.FailureAction.Continue), (b.Id, b.Type, b.OnFailure));
        Assert.Equal("hi", b.Parameters["message"]);
    }
}
