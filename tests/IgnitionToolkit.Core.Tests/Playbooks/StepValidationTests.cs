using static IgnitionToolkit.Core.Tests.Playbooks.LoaderTestKit;

namespace IgnitionToolkit.Core.Tests.Playbooks;

public class StepValidationTests
{
    private static string OneStep(string step) => $$"""
        name: x
        version: '1'
        parameters:
          - {name: n, type: integer, default: 2}
        steps:
        {{step}}
        """;

    [Fact]
    public void Unknown_step_type_lists_valid_types_and_suggests_the_closest()
    {
        var error = SingleError(Load(OneStep("""
              - id: a
                type: utility.lgo
                parameters: {message: hi}
            """)));
        Assert.Equal("steps[0].type", error.Field);
        Assert.StartsWith("unknown step type 'utility.lgo' (did you mean 'utility.log'?). Valid types: debug.breakpoint, gateway.health_check,", error.Message);
        Assert.Contains("utility.wait", error.Message);
        AssertAt(error, 7, 11);
    }

    [Fact]
    public void Unknown_type_close_to_an_alias_suggests_the_canonical_name()
    {
        var error = SingleError(Load(OneStep("  - {id: a, type: utility.slep}")));
        Assert.StartsWith("unknown step type 'utility.slep' (did you mean 'utility.wait'?)", error.Message);
    }

    [Fact]
    public void Deprecated_alias_warns_and_resolves_to_the_canonical_type()
    {
        var result = Load(OneStep("""
              - id: nap
                type: utility.sleep
                parameters: {seconds: 2}
            """));
        AssertValid(result);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal("'utility.sleep' is deprecated; use 'utility.wait'", warning.Message);
        Assert.Equal("steps[0].type", warning.Field);
        AssertAt(warning, 7, 11);
        Assert.Equal("utility.wait", result.Playbook!.Steps[0].Type);
    }

    [Fact]
    public void Alias_parameter_map_renames_and_transform_converts_values()
    {
        var result = Load(OneStep("""
              - id: shot
                type: browser.screenshot
                parameters: {path: a.png}
              - id: click
                type: browser.click
                parameters: {selector: "#go", timeout: 5000}
            """));
        AssertValid(result);
        var (shot, click) = (result.Playbook!.Steps[0], result.Playbook.Steps[1]);
        Assert.Equal("perspective.screenshot", shot.Type);
        Assert.Equal("a.png", shot.Parameters["name"]);
        Assert.False(shot.Parameters.ContainsKey("path"));
        Assert.Equal(new(TestFile, 8, 24), shot.ParameterLocations["name"]);
        Assert.Equal(5.0, click.Parameters["timeout"]);
        Assert.Equal(2, result.Warnings.Count());
    }

    [Fact]
    public void Missing_required_step_parameter_is_an_error()
    {
        var error = SingleError(Load(OneStep("""
              - id: say
                type: utility.log
                parameters: {level: info}
            """)));
        Assert.Equal("steps[0].parameters.message", error.Field);
        Assert.Equal("step 'say' (utility.log) requires parameter 'message' (string)", error.Message);
        AssertAt(error, 8, 17);
    }

    [Fact]
    public void Wrong_parameter_type_is_an_error_but_numbers_as_text_and_templates_are_fine()
    {
        var result = Load(OneStep("""
              - id: w1
                type: utility.wait
                parameters: {seconds: soon}
              - id: w2
                type: utility.wait
                parameters: {seconds: "5"}
              - id: w3
                type: utility.wait
                parameters: {seconds: "{{ parameter.n }}"}
              - id: l1
                type: gateway.list_projects
                parameters: {limit: 2.5}
              - id: l2
                type: gateway.list_projects
                parameters: {limit: [1]}
            """));
        var errors = result.Errors.ToList();
        Assert.Equal(["steps[0].parameters.seconds", "steps[3].parameters.limit", "steps[4].parameters.limit"], errors.Select(e => e.Field));
        Assert.Equal("step 'w1' (utility.wait): parameter 'seconds' must be a number, got 'soon'", errors[0].Message);
        AssertAt(errors[0], 8, 27);
        Assert.Equal("step 'l1' (gateway.list_projects): parameter 'limit' must be an integer, got 2.5", errors[1].Message);
        Assert.Equal("step 'l2' (gateway.list_projects): parameter 'limit' must be an integer, got a list", errors[2].Message);
    }

    [Fact]
    public void Allowed_values_are_enforced()
    {
        var error = SingleError(Load(OneStep("""
              - id: say
                type: utility.log
                parameters: {message: hi, level: loud}
            """)));
        Assert.Equal("steps[0].parameters.level", error.Field);
        Assert.Equal("step 'say' (utility.log): parameter 'level' must be one of debug, info, warning, error, got 'loud'", error.Message);
        AssertAt(error, 8, 38);
    }

    [Fact]
    public void Unknown_parameter_names_are_errors_unless_the_type_allows_more()
    {
        var result = Load(OneStep("""
              - id: say
                type: utility.log
                parameters: {mesage: hi}
            """));
        var unknown = ErrorOn(result, "steps[0].parameters.mesage");
        Assert.Equal("step 'say' (utility.log) has no parameter 'mesage' (did you mean 'message'?); its parameters are: message, level",
            unknown.Message);
        AssertAt(unknown, 8, 18);
        Assert.Equal(2, result.Errors.Count());
    }

    [Fact]
    public void Schema_defaults_are_not_filled_in()
    {
        var result = Load(OneStep("  - {id: w, type: utility.wait}"));
        AssertValid(result);
        Assert.Empty(result.Playbook!.Steps[0].Parameters);
    }

    [Fact]
    public void Values_keep_their_yaml_types()
    {
        var result = Load(OneStep("""
              - id: v
                type: utility.set_variable
                parameters:
                  name: things
                  value: {i: 3, f: 1.5, b: true, s: "3", n: null, l: [1, two]}
            """));
        AssertValid(result);
        var value = Assert.IsType<Dictionary<string, object?>>(result.Playbook!.Steps[0].Parameters["value"]);
        Assert.Equal(3L, value["i"]);
        Assert.Equal(1.5, value["f"]);
        Assert.Equal(true, value["b"]);
        Assert.Equal("3", value["s"]);
        Assert.Null(value["n"]);
        Assert.Equal(new List<object?> { 1L, "two" }, value["l"]);
    }
}
