using System.IO.Compression;
using IgnitionToolkit.Core.Configuration;
using IgnitionToolkit.Core.Execution;
using IgnitionToolkit.Core.Playbooks;
using IgnitionToolkit.Contracts;

namespace IgnitionToolkit.Functional.Tests.Python;

/// <summary>The v5 reference playbooks' python steps, run as written (read from ../shared, never copied into the repository).</summary>
[Trait("Category", "Functional")]
public sealed class PythonV5PlaybookTests
{
    [V5PlaybooksTheory]
    [InlineData(false, "Test-Module-1.2.3.modl", "1.2.3 (b2024)")]
    [InlineData(true, "Test-Module-1.2.3.unsigned.modl", "1.2.4-SNAPSHOT")]
    public async Task Module_install_detects_the_module_file_and_sets_its_variables(bool preferUnsigned, string file, string version)
    {
        var folder = Directory.CreateTempSubdirectory("itk-modl-").FullName;
        try
        {
            WriteModule(Path.Combine(folder, "Test-Module-1.2.3.modl"), "1.2.3 (b2024)");
            WriteModule(Path.Combine(folder, "Test-Module-1.2.3.unsigned.modl"), "1.2.4-SNAPSHOT");
            var step = StepOf(File.ReadAllText(Path.Combine(V5Playbooks.Folder!, "gateway", "module_install.yaml")), "step2_detect_module");
            var yaml = $$$"""
                name: module install, its first python step
                version: "1.0"
                parameters:
                  - { name: module_folder, type: string, required: true }
                  - { name: prefer_unsigned, type: boolean, required: false, default: false }
                steps:
                {{{step}}}
                  - id: show
                    type: utility.log
                    parameters:
                      message: "{{ variable.module_name }}|{{ variable.module_version }}|{{ variable.module_id }}|{{ variable.module_filename }}|{{ variable.module_path }}"
                """;
            var python = new PythonHarness();
            var loaded = python.Engine.Loader.Load(yaml, "module_install_step2.yaml", null);
            Assert.True(loaded.IsValid, string.Join("\n", loaded.Diagnostics));
            Assert.Contains(loaded.Diagnostics, d => d.Severity == DiagnosticSeverity.Warning && d.Message.Contains("variable 'module_name'", StringComparison.Ordinal));

            var run = python.Engine.Start(loaded.Playbook!, parameters: new Dictionary<string, object?>
            {
                ["module_folder"] = folder,
                ["prefer_unsigned"] = preferUnsigned,
            });

            Assert.True(ExecutionStatus.Completed == await run.CompletionAsync(120), string.Join("\n", run.Logs));
            Assert.Contains($"Test Module|{version}|com.example.test|{file}|{Path.Combine(folder, file)}", run.Logs);
            Assert.Contains($"Version: {version}", run.Logs);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [V5PlaybooksFact]
    public async Task Test_buttons_python_steps_run_with_code_step_output_parameters_result_and_css_braces()
    {
        var source = File.ReadAllText(Path.Combine(V5Playbooks.Folder!, "perspective", "test_buttons.yaml"));
        var steps = string.Join('\n', new[] { "test_buttons", "execute_button_tests", "generate_report" }.Select(id => StepOf(source, id)));
        const string Inventory = """
            result = {"inventory": [
                {"id": "b1", "type": "button", "label": "Start", "selector": {"css": "#b1"}},
                {"id": "b2", "type": "ia_button", "label": "Stop", "selector": {"css": "#b2"}},
                {"id": "t1", "type": "toggle", "label": "Mode", "selector": {"css": "#t1"}},
            ]}
            """;
        var yaml = $$$"""
            name: test buttons, its python steps
            version: "1.0"
            parameters:
              - { name: expected_behaviors, type: dict, required: false, default: { "#b1": navigation } }
            steps:
              - id: discover_components
                type: utility.python
                parameters:
                  script: |
            {{{PythonHarness.Indent(Inventory, 8)}}}
            {{{steps}}}
            """;
        var python = new PythonHarness();

        var run = python.Engine.Start(python.Load(yaml));

        Assert.True(ExecutionStatus.Completed == await run.CompletionAsync(120), string.Join("\n", run.Logs));
        Assert.All(run.Finished, f => Assert.True(f.Status == StepStatus.Completed, f.StepPath + ": " + f.Error));
        Assert.Equal("prepared", run.Output("test_buttons", "status"));
        Assert.Equal(2L, run.Output("test_buttons", "button_count"));
        var manifest = (IDictionary<string, object?>)run.Output("test_buttons", "test_manifest")!;
        var first = (IDictionary<string, object?>)((List<object?>)manifest["buttons"]!)[0]!;
        Assert.Equal("navigation", first["expected_behavior"]); // parameters['expected_behaviors']
        Assert.Equal("test_plan_prepared", run.Output("execute_button_tests", "status"));
        var html = (string)run.Output("generate_report", "report_html")!;
        Assert.Contains("body { font-family: Arial, sans-serif; margin: 20px; }", html, StringComparison.Ordinal);
        Assert.Contains("<td>Stop</td>", html, StringComparison.Ordinal);
    }

    /// <summary>The YAML of one step of a playbook, as written (up to the next step or comment banner).</summary>
    private static string StepOf(string playbook, string id)
    {
        var lines = playbook.Replace("\r", "", StringComparison.Ordinal).Split('\n');
        var start = Array.FindIndex(lines, l => l.Trim() == $"- id: {id}");
        Assert.True(start >= 0, $"step '{id}' not found");
        var end = Array.FindIndex(lines, start + 1, l => l.StartsWith("  - id:", StringComparison.Ordinal) || l.StartsWith("  # ===", StringComparison.Ordinal));
        return string.Join('\n', lines[start..(end < 0 ? lines.Length : end)]).TrimEnd();
    }

    private static void WriteModule(string path, string version)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        using var writer = new StreamWriter(zip.CreateEntry("module.xml").Open());
        writer.Write($"""
            <?xml version="1.0" encoding="UTF-8"?>
            <modules><module><id>com.example.test</id><name>Test Module</name><version>{version}</version></module></modules>
            """);
    }
}

/// <summary>The v5 playbooks in <c>../shared/reference/original-playbooks-v5/</c>, next to the repository, when present.</summary>
internal static class V5Playbooks
{
    public const string AbsentMessage =
        "skipped: ../shared/reference/original-playbooks-v5/ (the v5 reference playbooks) is not present next to this checkout";

    public static string? Folder
    {
        get
        {
            var repo = ToolkitPaths.FindRepositoryRoot(AppContext.BaseDirectory);
            var folder = repo is null ? null : Path.GetFullPath(Path.Combine(repo, "..", "shared", "reference", "original-playbooks-v5"));
            return folder is not null && Directory.Exists(folder) ? folder : null;
        }
    }
}

/// <summary>A fact over the v5 reference playbooks, skipped with a clear message when they are absent.</summary>
public sealed class V5PlaybooksFactAttribute : FactAttribute
{
    public V5PlaybooksFactAttribute()
    {
        if (V5Playbooks.Folder is null) Skip = V5Playbooks.AbsentMessage;
    }
}

/// <summary>A theory over the v5 reference playbooks, skipped with a clear message when they are absent.</summary>
public sealed class V5PlaybooksTheoryAttribute : TheoryAttribute
{
    public V5PlaybooksTheoryAttribute()
    {
        if (V5Playbooks.Folder is null)
            Skip = V5Playbooks.AbsentMessage;
    }
}
