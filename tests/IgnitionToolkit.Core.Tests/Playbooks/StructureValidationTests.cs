using IgnitionToolkit.Core.Playbooks;
using static IgnitionToolkit.Core.Tests.Playbooks.LoaderTestKit;

namespace IgnitionToolkit.Core.Tests.Playbooks;

public class StructureValidationTests
{
    [Fact]
    public void Valid_playbook_is_read_with_defaults_and_locations()
    {
        var result = Load("""
            name: Demo
            version: 1.0
            description: A demo
            parameters:
              - name: who
                type: string
                default: world
            steps:
              - id: greet
                type: utility.log
                parameters:
                  message: "Hello {{ who }}"
            metadata:
              author: me
              tags: [a, b]
            """);
        AssertValid(result);
        var playbook = result.Playbook!;
        Assert.Equal("Demo", playbook.Name);
        Assert.Equal("1.0", playbook.Version);
        Assert.Equal("A demo", playbook.Description);
        Assert.Equal("me", playbook.Metadata["author"]);
        Assert.Equal(new List<object?> { "a", "b" }, playbook.Metadata["tags"]);
        var parameter = Assert.Single(playbook.Parameters);
        Assert.True(parameter.Required);
        Assert.Equal("world", parameter.Default);
        var step = Assert.Single(playbook.Steps);
        Assert.Equal("greet", step.Name);
        Assert.Equal(FailureAction.Abort, step.OnFailure);
        Assert.Equal(TimeSpan.FromSeconds(300), step.Timeout);
        Assert.Equal(0, step.RetryCount);
        Assert.Equal(TimeSpan.FromSeconds(5), step.RetryDelay);
        Assert.Equal(new SourceLocation(TestFile, 9, 5), step.Location);
        Assert.Equal(new SourceLocation(TestFile, 12, 16), step.ParameterLocations["message"]);
        Assert.Equal(TestFile, playbook.SourcePath);
    }

    [Fact]
    public void Missing_name_version_and_steps_are_all_reported_at_once()
    {
        var result = Load("description: nothing else\n");
        var errors = result.Errors.ToList();
        Assert.Equal(["name", "version", "steps"], errors.Select(e => e.Field));
        Assert.Equal("name is required", errors[0].Message);
        Assert.All(errors, e => AssertAt(e, 1, 1));
        Assert.False(result.IsValid);
    }

    [Fact]
    public void Empty_steps_list_is_an_error()
    {
        var error = SingleError(Load("name: x\nversion: '1'\nsteps: []\n"));
        Assert.Equal("steps", error.Field);
        Assert.Equal("steps must contain at least one step", error.Message);
        AssertAt(error, 3, 8);
    }

    [Fact]
    public void Parameter_type_is_checked_and_default_must_match_it()
    {
        var result = Load("""
            name: x
            version: '1'
            parameters:
              - name: count
                type: integer
                default: many
              - name: ratio
                type: decimal
            steps:
              - {id: a, type: utility.wait}
            """);
        var defaultError = ErrorOn(result, "parameters[0].default");
        Assert.Equal("default 'many' is not a valid integer", defaultError.Message);
        AssertAt(defaultError, 6, 14);
        var typeError = ErrorOn(result, "parameters[1].type");
        Assert.StartsWith("unknown parameter type 'decimal'; use one of string, integer, float", typeError.Message);
        AssertAt(typeError, 8, 11);
    }

    [Fact]
    public void Parameters_are_required_by_default_and_duplicates_are_refused()
    {
        var result = Load("""
            name: x
            version: '1'
            parameters:
              - {name: a, type: boolean, default: true}
              - {name: b, type: list, required: false, default: [1, 2]}
              - {name: a, type: string}
            steps:
              - {id: s, type: utility.wait}
            """);
        var error = SingleError(result);
        Assert.Equal("parameters[2].name", error.Field);
        Assert.Equal("parameter 'a' is declared twice", error.Message);
        var parameters = result.Playbook!.Parameters;
        Assert.True(parameters[0].Required);
        Assert.Equal(true, parameters[0].Default);
        Assert.False(parameters[1].Required);
        Assert.Equal(ParameterType.List, parameters[1].Type);
    }

    [Fact]
    public void Step_fields_are_read_and_name_defaults_to_id()
    {
        var result = Load("""
            name: x
            version: '1'
            steps:
              - id: a
                name: First
                type: utility.wait
                on_failure: continue
                timeout: 2.5
                retry_count: 3
                retry_delay: 0
              - id: b
                type: utility.wait
            """);
        AssertValid(result);
        var (a, b) = (result.Playbook!.Steps[0], result.Playbook.Steps[1]);
        Assert.Equal("First", a.Name);
        Assert.Equal(FailureAction.Continue, a.OnFailure);
        Assert.Equal(TimeSpan.FromSeconds(2.5), a.Timeout);
        Assert.Equal(3, a.RetryCount);
        Assert.Equal(TimeSpan.Zero, a.RetryDelay);
        Assert.Equal("b", b.Name);
    }

    [Fact]
    public void On_failure_rollback_is_an_error_with_a_clear_message()
    {
        var result = Load("""
            name: x
            version: '1'
            steps:
              - id: a
                type: utility.wait
                on_failure: rollback
            """);
        var error = SingleError(result);
        Assert.Equal("steps[0].on_failure", error.Field);
        Assert.Equal("on_failure: rollback is not supported yet; use abort or continue", error.Message);
        AssertAt(error, 6, 17);
    }

    [Fact]
    public void Negative_or_mistyped_timeouts_and_retries_are_errors()
    {
        var result = Load("""
            name: x
            version: '1'
            steps:
              - id: a
                type: utility.wait
                timeout: -1
                retry_count: lots
                retry_delay: [1]
                on_failure: explode
            """);
        var errors = result.Errors.ToList();
        Assert.Equal(["steps[0].timeout", "steps[0].retry_count", "steps[0].retry_delay", "steps[0].on_failure"],
            errors.Select(e => e.Field));
        Assert.Equal("timeout must be more than zero seconds, got -1", errors[0].Message);
        AssertAt(errors[0], 6, 14);
        Assert.Equal("retry_count must be a whole number from 0 to 1000, got 'lots'", errors[1].Message);
        AssertAt(errors[1], 7, 18);
        Assert.Equal("retry_delay must be a number of seconds, got 'a list'", errors[2].Message);
        Assert.Equal("on_failure must be abort or continue, got 'explode'", errors[3].Message);
    }

    [Fact]
    public void Step_id_is_required_and_unique()
    {
        var result = Load("""
            name: x
            version: '1'
            steps:
              - id: a
                type: utility.wait
              - type: utility.wait
              - id: a
                type: utility.wait
            """);
        var missing = ErrorOn(result, "steps[1].id");
        Assert.Equal("step id is required", missing.Message);
        AssertAt(missing, 6, 5);
        var duplicate = ErrorOn(result, "steps[2].id");
        Assert.Equal("duplicate step id 'a' (already used by the step on line 4); step ids must be unique", duplicate.Message);
        AssertAt(duplicate, 7, 9);
    }

    [Fact]
    public void Unknown_fields_are_warnings_with_a_suggestion()
    {
        var result = Load("""
            name: x
            version: '1'
            steps:
              - id: a
                type: utility.wait
                on_falure: continue
            """);
        Assert.True(result.IsValid);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal("steps[0].on_falure", warning.Field);
        Assert.Equal("unknown field 'on_falure' is ignored (did you mean 'on_failure'?)", warning.Message);
        AssertAt(warning, 6, 5);
    }

    [Fact]
    public void Diagnostics_render_as_file_line_column_field_message()
    {
        var error = SingleError(Load("name: x\nversion: '1'\nsteps: []\n"));
        Assert.Equal("test.yaml:3:8: error: steps: steps must contain at least one step", error.ToString());
    }
}
