using IgnitionToolkit.Core.Execution;
using static IgnitionToolkit.Functional.Tests.Python.PythonHarness;
using IgnitionToolkit.Contracts;

namespace IgnitionToolkit.Functional.Tests.Python;

/// <summary>utility.python with real CPython: globals, variables, outputs, errors and exits.</summary>
[Trait("Category", "Functional")]
public sealed class PythonStepTests
{
    private readonly PythonHarness _python = new();

    [Fact]
    public async Task The_original_globals_and_the_v3_ones_are_there()
    {
        const string Script = """
            assert Path("/").is_dir() and zipfile.ZipFile and json.dumps([1]) == "[1]"
            assert os.getcwd() and subprocess.run and asyncio.run and time.time()
            assert ET.fromstring("<a><b>x</b></a>").find("b").text == "x"
            assert get_variable("missing") is None and get_variable("missing", 5) == 5
            assert get_variable("greeting") == "hi" and variables["greeting"] == "hi"
            assert parameters["who"] == "Ada" and parameters["count"] == 3 and parameters["flag"] is True
            assert step_output["log"]["message"] == "hi"
            assert isinstance(result, dict) and "page" in dir() and "browser_manager" in dir()
            print("CHECKED=yes")
            """;
        var yaml = $$$"""
            name: globals
            version: "1.0"
            parameters:
              - { name: who, type: string, required: true }
              - { name: count, type: integer, required: false, default: 3 }
              - { name: flag, type: boolean, required: false, default: true }
            steps:
              - id: first
                type: utility.set_variable
                parameters: { name: greeting, value: hi }
              - id: log
                type: utility.log
                parameters: { message: "{{ variable.greeting }}" }
              - id: py
                type: utility.python
                parameters:
                  script: |
            {{{Indent(Script, 8)}}}
            """;
        var run = _python.Start(yaml, new Dictionary<string, object?> { ["who"] = "Ada" });

        Assert.True(ExecutionStatus.Completed == await run.CompletionAsync(120), string.Join("\n", run.Finished.Select(f => f.Error)) + string.Join("\n", run.Logs));
        Assert.Equal("yes", run.Output("py", "CHECKED"));
    }

    [Fact]
    public async Task A_variable_set_before_an_exception_is_kept_and_the_error_names_type_message_and_line()
    {
        const string Script = """
            set_variable("kept", {"x": [1, 2.5, True, None], "s": "t"})

            def check(value):
                raise ValueError(f"bad value {value}")

            check(7)
            """;
        var after = """
              - id: next
                type: utility.python
                parameters:
                  script: |
                    print("KEPT=" + repr(get_variable("kept")))
            """;
        var run = _python.Start(OneStep(Script, after: after));

        Assert.Equal(ExecutionStatus.Completed, await run.CompletionAsync(120)); // on_failure: continue
        var failed = run.FinishedStep("py");
        Assert.Equal(StepStatus.Failed, failed.Status);
        Assert.Equal("ValueError: bad value 7 (script line 4: raise ValueError(f\"bad value {value}\"))", failed.Error);
        Assert.Equal("{'x': [1, 2.5, True, None], 's': 't'}", run.Output("next", "KEPT"));
        Assert.Contains(run.Logs, l => l.Contains("line 6", StringComparison.Ordinal)); // the traceback, streamed from stderr
    }

    [Fact]
    public async Task A_syntax_error_names_its_line()
    {
        var run = _python.Start(OneStep("x = 1\nif x\n    pass\n"));

        await run.CompletionAsync(120);
        var error = run.FinishedStep("py").Error!;
        Assert.StartsWith("SyntaxError: ", error, StringComparison.Ordinal);
        Assert.Contains("(script line 2: if x)", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Printed_key_value_lines_the_result_dict_and_the_whole_stdout_become_outputs()
    {
        const string Script = """
            print("=" * 10)
            print("MODULE=Perspective ")
            print("a: b=c")
            print("count = 3")
            result = {"status": "prepared", "manifest": {"buttons": [1, 2]}, "count": 4}
            """;
        var after = """
              - id: use
                type: utility.log
                parameters: { message: "{{ step.py.MODULE }} {{ step.py.status }} {{ step.py.count }}" }
            """;
        var run = _python.Start(OneStep(Script, after: after));

        Assert.Equal(ExecutionStatus.Completed, await run.CompletionAsync(120));
        var outputs = run.FinishedStep("py").Outputs;
        Assert.Equal("Perspective", outputs["MODULE"]);
        Assert.Equal(4L, Assert.IsType<long>(outputs["count"])); // the result dict wins over a printed line
        Assert.False(outputs.ContainsKey("a: b") || outputs.ContainsKey(""));
        Assert.Equal(new List<object?> { 1L, 2L }, ((IDictionary<string, object?>)outputs["manifest"]!)["buttons"]);
        Assert.Equal("==========\nMODULE=Perspective \na: b=c\ncount = 3\n", outputs["_output"]);
        Assert.Contains("Perspective prepared 4", run.Logs);
    }

    [Fact]
    public async Task Sys_exit_zero_succeeds_and_a_non_zero_exit_fails()
    {
        var ok = _python.Start(OneStep("import sys\nprint('DONE=1')\nsys.exit(0)\nprint('DONE=2')"));
        var bad = _python.Start(OneStep("import sys\nset_variable('v', 1)\nsys.exit(3)"));
        var text = _python.Start(OneStep("import sys\nsys.exit('giving up')"));

        await Task.WhenAll(ok.CompletionAsync(120), bad.CompletionAsync(120), text.CompletionAsync(120));
        Assert.Equal(StepStatus.Completed, ok.FinishedStep("py").Status);
        Assert.Equal("1", ok.Output("py", "DONE"));
        Assert.Equal("the script exited with code 3", bad.FinishedStep("py").Error);
        Assert.Equal("the script exited with code 1: giving up", text.FinishedStep("py").Error);
    }

    [Fact]
    public async Task Code_is_another_name_for_script()
    {
        var run = _python.Start(OneStep("print('VIA=code')", key: "code"));

        Assert.Equal(ExecutionStatus.Completed, await run.CompletionAsync(120));
        Assert.Equal("code", run.Output("py", "VIA"));
    }

    [Fact]
    public async Task Templates_render_booleans_and_nulls_as_python_does()
    {
        const string Script = """
            flag = "{{ parameter.flag }}"
            nothing = "{{ parameter.nothing }}"
            items = {{ parameter.items }}
            print(f"FLAG={flag == 'True'} NONE={nothing == 'None'} ITEMS={items == ['a', 1, True, None]}")
            """;
        var parameters = """
              - { name: flag, type: boolean, required: false, default: true }
              - { name: nothing, type: string, required: false }
              - { name: items, type: list, required: false, default: [a, 1, true, null] }
            """;
        var run = _python.Start(OneStep(Script, parameters), new Dictionary<string, object?> { ["nothing"] = null });

        Assert.Equal(ExecutionStatus.Completed, await run.CompletionAsync(120));
        Assert.Equal("True NONE=True ITEMS=True", run.Output("py", "FLAG"));
    }

    [Fact]
    public async Task Page_and_browser_manager_fail_clearly_when_used_and_not_when_only_mentioned()
    {
        const string Mentioned = """
            async def test_button(browser_manager, data):
                page = await browser_manager.get_page()
                return page.url
            result = {"status": "test_plan_prepared"}
            """;
        var mentioned = _python.Start(OneStep(Mentioned));
        var used = _python.Start(OneStep("print('before')\nurl = page.url"));

        await Task.WhenAll(mentioned.CompletionAsync(120), used.CompletionAsync(120));
        Assert.Equal("test_plan_prepared", mentioned.Output("py", "status"));
        var error = used.FinishedStep("py").Error!;
        Assert.StartsWith("BrowserNotAvailableError: 'page.url' is not available", error, StringComparison.Ordinal);
        Assert.EndsWith("(script line 2: url = page.url)", error, StringComparison.Ordinal);
    }
}
