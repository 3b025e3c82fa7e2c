using static IgnitionToolkit.Core.Tests.Playbooks.LoaderTestKit;

namespace IgnitionToolkit.Core.Tests.Playbooks;

public class TemplateReferenceTests
{
    private static string WithSteps(string steps) => $$"""
        name: refs
        version: '1'
        parameters:
          - {name: who, type: string}
        steps:
        {{steps}}
        """;

    [Fact]
    public void Declared_parameters_variables_outputs_and_credentials_are_accepted()
    {
        AssertValid(Load(WithSteps("""
              - id: set
                type: utility.set_variable
                parameters: {name: greeting, value: "Hi {{ who }}"}
              - id: say
                type: utility.log
                parameters:
                  message: "{{variable.greeting}} {{ parameter.who }} {{ step.set.value }} {{ credential.gw.username }} {{ credential.gw }}"
              - id: again
                type: utility.log
                parameters: {message: "{{ step.say.message }}"}
            """)));
    }

    [Fact]
    public void Unknown_parameter_is_an_error_with_location_and_suggestion()
    {
        var error = SingleError(Load(WithSteps("""
              - id: say
                type: utility.log
                parameters:
                  message: "Hello {{ parameter.whom }}"
            """)));
        Assert.Equal("steps[0].parameters.message", error.Field);
        Assert.Equal("'{{ parameter.whom }}' refers to unknown parameter 'whom' (did you mean 'who'?); declared parameters: who", error.Message);
        AssertAt(error, 9, 16);
    }

    [Fact]
    public void Bare_reference_must_name_a_parameter()
    {
        var error = SingleError(Load(WithSteps("  - {id: say, type: utility.log, parameters: {message: '{{ nobody }}'}}")));
        Assert.StartsWith("'{{ nobody }}' refers to unknown parameter 'nobody'", error.Message);
    }

    [Fact]
    public void Variable_must_be_set_by_an_earlier_set_variable_step()
    {
        var result = Load(WithSteps("""
              - id: say
                type: utility.log
                parameters: {message: "{{ variable.later }}"}
              - id: set
                type: utility.set_variable
                parameters: {name: later, value: 1}
              - id: who_var
                type: utility.log
                parameters: {message: "{{ variable.who }}"}
            """));
        var errors = result.Errors.ToList();
        Assert.Equal(2, errors.Count);
        Assert.Equal("'{{ variable.later }}' refers to unknown variable 'later': variables must be set by an earlier " +
                     "utility.set_variable step with name: later", errors[0].Message);
        AssertAt(errors[0], 8, 27);
        Assert.StartsWith("'{{ variable.who }}' refers to unknown variable 'who'", errors[1].Message);
    }

    [Fact]
    public void Step_output_needs_an_earlier_step_that_declares_it()
    {
        var result = Load(WithSteps("""
              - id: early
                type: utility.log
                parameters: {message: "{{ step.late.message }} {{ step.ghost.x }}"}
              - id: late
                type: utility.log
                parameters: {message: "{{ step.early.nope }}"}
              - id: nap
                type: utility.wait
              - id: after_nap
                type: utility.log
                parameters: {message: "{{ step.nap.seconds }}"}
            """));
        var messages = result.Errors.Select(e => e.Message).ToList();
        Assert.Equal(
        [
            "'{{ step.late.message }}' refers to step 'late', which has not run yet at this point (only earlier steps' outputs can be used)",
            "'{{ step.ghost.x }}' refers to step 'ghost', which is not a step of this playbook",
            "'{{ step.early.nope }}': step 'early' (utility.log) has no output 'nope'; its outputs are: message",
            "'{{ step.nap.seconds }}': step 'nap' (utility.wait) produces no outputs",
        ], messages);
    }

    [Fact]
    public void Deeper_access_into_outputs_is_accepted()
    {
        AssertValid(Load(WithSteps("""
              - id: list
                type: gateway.list_projects
              - id: say
                type: utility.log
                parameters: {message: "first: {{ step.list.projects.0.name }}"}
            """)));
    }

    [Fact]
    public void Unknown_roots_and_malformed_references_are_errors_and_text_that_is_no_reference_is_kept_with_a_warning()
    {
        var result = Load(WithSteps("""
              - id: say
                type: utility.log
                parameters:
                  message: "{{ secret.key }} {{ step.only }} {{ who | upper }}"
            """));
        var messages = result.Errors.Select(e => e.Message).ToList();
        Assert.Equal(2, messages.Count);
        Assert.Equal("'{{ secret.key }}': unknown template root 'secret'; use parameter., variable., credential. or step.", messages[0]);
        Assert.Equal("'{{ step.only }}' must name a step and an output: {{ step.<id>.<output> }}", messages[1]);
        var kept = Assert.Single(result.Warnings, w => w.Message.Contains("who | upper", StringComparison.Ordinal));
        Assert.StartsWith("'{{ who | upper }}' is not a template reference and is kept as text", kept.Message);
    }

    [Fact]
    public void Templates_inside_lists_and_maps_are_checked_with_their_own_position()
    {
        var error = SingleError(Load(WithSteps("""
              - id: set
                type: utility.set_variable
                parameters:
                  name: x
                  value:
                    items:
                      - fine
                      - "{{ parameter.missing }}"
            """)));
        Assert.Equal("steps[0].parameters.value.items", error.Field);
        AssertAt(error, 13, 13);
    }

    [Fact]
    public void V2_step_results_read_as_variables_are_a_deprecation_warning()
    {
        var result = Load(WithSteps("""
              - id: health
                type: gateway.health_check
              - id: say
                type: utility.log
                parameters: {message: "healthy: {{ variable.health.healthy }}"}
            """));
        AssertValid(result);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal("'{{ variable.health.healthy }}' reads step 'health' through the deprecated v2 form; write {{ step.health.healthy }}",
            warning.Message);
    }
}
