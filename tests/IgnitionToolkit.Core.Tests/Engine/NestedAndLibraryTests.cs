using IgnitionToolkit.Testing.Engine;
using IgnitionToolkit.Core.Execution;
using IgnitionToolkit.Core.Playbooks;
using IgnitionToolkit.Contracts;

namespace IgnitionToolkit.Core.Tests.Engine;

/// <summary>Real playbook files run through the real loader and engine.</summary>
public class NestedAndLibraryTests
{
    private static string Library => Path.Combine(FindRoot(), "playbooks");

    [Fact]
    public async Task Playbook_run_really_runs_the_child_and_nests_its_steps_under_the_calling_step()
    {
        var harness = new EngineHarness();
        var source = new FileSystemPlaybookSource(Library);
        var parent = Load(harness, source, "nested/parent.yaml");

        var run = harness.Start(parent, parameters: new Dictionary<string, object?> { ["who"] = "operators" }, source: source);

        var status = await run.CompletionAsync();
        Assert.True(status == ExecutionStatus.Completed, string.Join("\n", run.Finished.Select(f => $"{f.StepPath} {f.Status} {f.Error}")));
        Assert.Equal(["announce", "greet_child/greet", "greet_child/remember", "greet_child", "report"], run.Finished.Select(f => f.StepPath));
        var childStep = run.FinishedStep("greet_child/greet");
        Assert.Equal("greet_child", childStep.ParentPath);
        Assert.Equal("Hi operators (excitement 3)", childStep.Outputs["message"]);
        Assert.Equal("The child playbook finished with status completed", run.FinishedStep("report").Outputs["message"]);
    }

    [Fact]
    public async Task A_missing_nested_playbook_fails_the_step_with_its_name()
    {
        var harness = new EngineHarness();
        var playbook = IgnitionToolkit.Testing.Engine.Playbooks.Of(IgnitionToolkit.Testing.Engine.Playbooks.Step("child", "playbook.run", new { playbook = "{{ parameter.which }}" }));
        var withParameter = playbook with
        {
            Parameters = [new PlaybookParameter("which", ParameterType.String, true, null, null, new SourceLocation("t", 1, 1))],
        };

        var run = harness.Start(withParameter, parameters: new Dictionary<string, object?> { ["which"] = "nope.yaml" },
            source: new FileSystemPlaybookSource(Library));

        Assert.Equal(ExecutionStatus.Failed, await run.CompletionAsync());
        Assert.Contains("nested playbook 'nope.yaml' not found", run.FinishedStep("child").Error);
    }

    [Theory]
    [InlineData("utility/hello_world.yaml")]
    [InlineData("utility/wait_and_log.yaml")]
    [InlineData("nested/parent.yaml")]
    [InlineData("debug/breakpoint_demo.yaml")]
    public async Task Every_example_playbook_of_the_library_runs_to_completion(string path)
    {
        var harness = new EngineHarness();
        var source = new FileSystemPlaybookSource(Library);

        var run = harness.Start(Load(harness, source, path), source: source);

        Assert.Equal(ExecutionStatus.Completed, await run.CompletionAsync(60));
        Assert.DoesNotContain(run.Finished, f => f.Status == StepStatus.Failed);
    }

    private static Playbook Load(EngineHarness harness, IPlaybookSource source, string path) => harness.Load(source, path);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "IgnitionToolkit.slnx"))) return dir.FullName;
        throw new DirectoryNotFoundException("repository root");
    }
}
