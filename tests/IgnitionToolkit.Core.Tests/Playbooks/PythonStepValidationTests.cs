using IgnitionToolkit.Core.Execution;
using IgnitionToolkit.Core.Playbooks;
using IgnitionToolkit.Core.Plugins;
using IgnitionToolkit.Core.Plugins.BuiltIn.Python;
using IgnitionToolkit.Testing.Engine;
using Microsoft.Extensions.DependencyInjection;
using static IgnitionToolkit.Testing.Engine.Playbooks;
using IgnitionToolkit.Contracts;

namespace IgnitionToolkit.Core.Tests.Playbooks;

/// <summary>utility.python without starting Python: validation, settings, template rendering of the script.</summary>
public class PythonStepValidationTests
{
    private static EngineHarness Harness(PythonStepOptions? options = null) =>
        new(new ServiceCollection().AddLogging().AddSingleton(options ?? new PythonStepOptions()).BuildServiceProvider());

    private static PlaybookLoadResult Load(string yaml, PythonStepOptions? options = null) =>
        Harness(options).Loader.Load(LoaderTestKit.Normalize(yaml), LoaderTestKit.TestFile, null);

    private const string PythonThenUse = """
        name: p
        version: "1"
        steps:
          - id: py
            type: utility.python
            parameters:
              script: print("X=1")
          - id: use
            type: utility.log
            parameters:
              message: "{{ variable.module_name }} {{ step.py.X }} {{ step.py._output }}"
        """;

    [Fact]
    public void Variables_and_outputs_a_python_step_may_produce_are_warnings_not_errors()
    {
        var result = Load(PythonThenUse);

        LoaderTestKit.AssertValid(result);
        var warnings = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning).Select(d => d.Message).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.Contains(warnings, w => w.Contains("variable 'module_name'", StringComparison.Ordinal) && w.Contains("step 'py' (utility.python) may set it", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("does not declare output 'X'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_variable_used_before_any_python_step_is_still_an_error()
    {
        var result = Load("""
            name: p
            version: "1"
            steps:
              - id: use
                type: utility.log
                parameters: { message: "{{ variable.x }}" }
              - id: py
                type: utility.python
                parameters: { script: "set_variable('x', 1)" }
            """);

        Assert.Contains("unknown variable 'x'", LoaderTestKit.SingleError(result).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Code_is_accepted_as_another_name_of_script_but_not_both()
    {
        var alias = Load(PythonThenUse.Replace("script:", "code:", StringComparison.Ordinal));
        var both = Load(PythonThenUse.Replace("script: print(\"X=1\")", "script: a\n      code: b", StringComparison.Ordinal));

        LoaderTestKit.AssertValid(alias);
        Assert.Equal("print(\"X=1\")", alias.Playbook!.Steps[0].Parameters["script"]);
        Assert.False(alias.Playbook.Steps[0].Parameters.ContainsKey("code"));
        Assert.Contains("'code' is another name of 'script'", LoaderTestKit.SingleError(both).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_disabled_step_type_is_rejected_by_validation_and_by_the_engine_naming_the_setting()
    {
        var options = new PythonStepOptions { Enabled = false };
        var error = LoaderTestKit.SingleError(Load(PythonThenUse, options));
        Assert.Equal("steps[0].type", error.Field);
        Assert.Contains("utility.python' is disabled on this deployment: Toolkit:Python:Enabled is false", error.Message, StringComparison.Ordinal);

        var run = Harness(options).Start(Of(Step("py", "utility.python", new { script = "print(1)" })));
        Assert.Equal(ExecutionStatus.Failed, await run.CompletionAsync());
        Assert.Contains("Toolkit:Python:Enabled", run.FinishedStep("py").Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_interpreter_fails_the_step_naming_the_setting()
    {
        var run = Harness(new PythonStepOptions { Interpreter = "/nonexistent/bin/python3" })
            .Start(Of(Step("py", "utility.python", new { script = "print(1)" })));

        Assert.Equal(ExecutionStatus.Failed, await run.CompletionAsync());
        var error = run.FinishedStep("py").Error!;
        Assert.Contains("'/nonexistent/bin/python3' was not found", error, StringComparison.Ordinal);
        Assert.Contains("Toolkit:Python:Interpreter (environment variable Toolkit__Python__Interpreter)", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("maybe", false)]
    [InlineData("False", true)]
    [InlineData(null, true)]
    public void The_enabled_setting_must_be_a_boolean(string? value, bool valid)
    {
        var settings = new Dictionary<string, string?> { [PythonStepOptions.EnabledKey] = value, [PythonStepOptions.InterpreterKey] = " /opt/py/bin/python3 " };
        if (!valid)
        {
            var ex = Assert.Throws<InvalidOperationException>(() => PythonStepOptions.Resolve(k => settings.GetValueOrDefault(k)));
            Assert.Contains("Toolkit:Python:Enabled must be true or false", ex.Message, StringComparison.Ordinal);
            return;
        }
        var options = PythonStepOptions.Resolve(k => settings.GetValueOrDefault(k));
        Assert.Equal(value is null, options.Enabled);
        Assert.Equal("/opt/py/bin/python3", options.Interpreter);
    }

    [Fact]
    public void Templates_in_python_source_render_values_as_python_str_does()
    {
        var scope = new TemplateScope
        {
            Parameters = new Dictionary<string, object?>
            {
                ["on"] = true, ["off"] = false, ["none"] = null, ["n"] = 3L, ["f"] = 2.0, ["s"] = "it's",
                ["list"] = new List<object?> { "a", 1L, 1.5, true, null, "it's \"x\"" },
                ["map"] = new Dictionary<string, object?> { ["k"] = new Dictionary<string, object?> { ["v"] = false } },
            },
            Variables = new Dictionary<string, object?>(),
            Credentials = new Dictionary<string, IReadOnlyDictionary<string, string>>(),
            StepOutputs = new Dictionary<string, IReadOnlyDictionary<string, object?>>(),
        };
        const string Source = "{{ on }} {{ off }} {{ none }} {{ n }} {{ f }} {{ s }} {{ list }} {{ map }}";

        var python = new TemplateResolver().Resolve(Source, scope.WithStyle(TemplateStyle.Python));
        var text = new TemplateResolver().Resolve(Source, scope);

        Assert.Equal("True False None 3 2.0 it's ['a', 1, 1.5, True, None, 'it\\'s \"x\"'] {'k': {'v': False}}", python);
        Assert.StartsWith("true false  3 2 it's [", (string)text!, StringComparison.Ordinal); // other parameters: unchanged
    }

    [Fact]
    public void Braces_that_are_no_reference_stay_verbatim_silently_in_python_source_and_with_a_warning_elsewhere()
    {
        const string Css = "f\"body {{ font-family: Arial; }} {{ x | upper }} {{ }}\" + '{{ parameter.p }}'";
        var scope = new TemplateScope
        {
            Parameters = new Dictionary<string, object?> { ["p"] = true },
            Variables = new Dictionary<string, object?>(),
            Credentials = new Dictionary<string, IReadOnlyDictionary<string, string>>(),
            StepOutputs = new Dictionary<string, IReadOnlyDictionary<string, object?>>(),
        };

        Assert.Equal("f\"body {{ font-family: Arial; }} {{ x | upper }} {{ }}\" + 'True'",
            new TemplateResolver().Resolve(Css, scope.WithStyle(TemplateStyle.Python)));
        Assert.Equal("f\"body {{ font-family: Arial; }} {{ x | upper }} {{ }}\" + 'true'", new TemplateResolver().Resolve(Css, scope));
        var yaml = $$$"""
            name: p
            version: "1"
            parameters: [{ name: p, type: boolean, required: false, default: true }]
            steps:
              - id: py
                type: utility.python
                parameters: { script: "{{{Css.Replace("\"", "\\\"", StringComparison.Ordinal)}}}" }
              - id: log
                type: utility.log
                parameters: { message: "{{ x | upper }}" }
            """;
        var result = Load(yaml);
        Assert.Empty(result.Errors);
        var warning = Assert.Single(result.Warnings, w => w.Message.Contains("is not a template reference", StringComparison.Ordinal));
        Assert.Equal("steps[1].parameters.message", warning.Field);
    }

    [Fact]
    public void Only_scripts_and_messages_render_in_python_style()
    {
        var schema = new PythonStep().Descriptor.Parameters.Single();
        Assert.Equal(("script", TemplateStyle.Python), (schema.Name, schema.TemplateStyle));
        string[] messages = ["utility.log", "debug.breakpoint"];
        var descriptors = Harness().Catalog.Descriptors.Where(d => d.Type != "utility.python").ToList();
        Assert.All(descriptors.Where(d => messages.Contains(d.Type)), d =>
            Assert.Equal(TemplateStyle.Python, d.Parameters.Single(p => p.Name == "message").TemplateStyle));
        Assert.All(descriptors.SelectMany(d => d.Parameters.Where(p => !(messages.Contains(d.Type) && p.Name == "message"))),
            p => Assert.Equal(TemplateStyle.Text, p.TemplateStyle));
    }
}
