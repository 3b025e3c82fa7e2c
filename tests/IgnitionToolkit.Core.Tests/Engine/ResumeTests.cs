using IgnitionToolkit.Contracts;
using IgnitionToolkit.Core.Execution;
using IgnitionToolkit.Testing.Engine;
using static IgnitionToolkit.Testing.Engine.Playbooks;

namespace IgnitionToolkit.Core.Tests.Engine;

/// <summary>The engine's resume: start at a top-level step, seeded with the variables and outputs of an earlier run.</summary>
public class ResumeTests
{
    private static readonly IgnitionToolkit.Core.Playbooks.Playbook ThreeSteps = Of(
        Step("remember", "utility.set_variable", new { name = "site", value = "plant-a" }),
        Step("report", "utility.log", new { message = "{{ step.remember.value }} / {{ variable.site }}" }),
        Step("last", "utility.set_variable", new { name = "done", value = true }));

    [Fact]
    public async Task Top_level_steps_report_the_variables_they_leave_and_nested_ones_do_not()
    {
        var run = new EngineHarness().Start(ThreeSteps);

        Assert.Equal(ExecutionStatus.Completed, await run.CompletionAsync());
        Assert.Equal("plant-a", run.FinishedStep("remember").Variables!["site"]);
        Assert.Equal(new[] { "done", "site" }, run.FinishedStep("last").Variables!.Keys.Order());
    }

    [Fact]
    public async Task A_resume_reuses_the_earlier_steps_and_runs_from_the_chosen_one_with_their_variables_and_outputs()
    {
        var earlier = Guid.NewGuid();
        var resume = new ResumePoint(earlier, "report",
            new Dictionary<string, object?> { ["site"] = "plant-b" },
            new Dictionary<string, IReadOnlyDictionary<string, object?>> { ["remember"] = new Dictionary<string, object?> { ["name"] = "site", ["value"] = "from-before" } });

        var run = new EngineHarness().Start(ThreeSteps, resume: resume);

        Assert.Equal(ExecutionStatus.Completed, await run.CompletionAsync());
        var reused = run.FinishedStep("remember");
        Assert.Equal(StepStatus.Skipped, reused.Status);
        Assert.Equal($"reused from {earlier}", reused.Error);
        Assert.Equal("from-before", reused.Outputs["value"]);
        Assert.Equal("plant-b", reused.Variables!["site"]); // the last reused step carries the seeded variables
        Assert.Single(run.Finished, f => f.StepPath == "remember"); // not run again
        Assert.Equal(0, run.Events.OfType<IgnitionToolkit.Contracts.Events.StepStartedEvent>().Single(s => s.StepPath == "remember").Attempt); // shown, not run
        Assert.Equal("from-before / plant-b", run.Output("report", "message"));
        Assert.Equal(StepStatus.Completed, run.FinishedStep("last").Status);
        Assert.Contains(run.Logs, l => l.Contains("resuming at step 'report'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_resume_at_a_step_the_playbook_does_not_have_fails_naming_it_and_runs_nothing()
    {
        var resume = new ResumePoint(Guid.NewGuid(), "gone", new Dictionary<string, object?>(), new Dictionary<string, IReadOnlyDictionary<string, object?>>());

        var run = new EngineHarness().Start(ThreeSteps, resume: resume);

        Assert.Equal(ExecutionStatus.Failed, await run.CompletionAsync());
        var finished = run.Events.OfType<IgnitionToolkit.Contracts.Events.ExecutionFinishedEvent>().Single();
        Assert.Contains("cannot resume at step 'gone'", finished.Error);
        Assert.Empty(run.Finished);
    }

    [Fact]
    public async Task Resuming_at_the_first_step_runs_everything()
    {
        var resume = new ResumePoint(Guid.NewGuid(), "remember", new Dictionary<string, object?>(), new Dictionary<string, IReadOnlyDictionary<string, object?>>());

        var run = new EngineHarness().Start(ThreeSteps, resume: resume);

        Assert.Equal(ExecutionStatus.Completed, await run.CompletionAsync());
        Assert.Equal(new[] { "remember", "report", "last" }, run.Finished.Select(f => f.StepPath));
        Assert.All(run.Finished, f => Assert.Equal(StepStatus.Completed, f.Status));
    }
}
