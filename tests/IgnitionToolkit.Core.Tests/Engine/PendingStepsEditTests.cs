using IgnitionToolkit.Core.Execution;
using IgnitionToolkit.Core.Playbooks;
using IgnitionToolkit.Testing;
using IgnitionToolkit.Testing.Engine;
using IgnitionToolkit.Contracts;
using IgnitionToolkit.Contracts.Events;

namespace IgnitionToolkit.Core.Tests.Engine;

/// <summary>Edit while paused: the steps not yet run of a paused execution are replaced and run on resume.</summary>
public class PendingStepsEditTests
{
    private const string Yaml = """
        name: Edit me
        version: "1.0"
        steps:
          - id: first
            type: utility.log
            parameters:
              message: first
          - id: second
            type: utility.log
            parameters:
              message: second
        """;

    [Fact]
    public void The_pending_steps_are_cut_out_as_an_unindented_list()
    {
        var text = PendingStepsText.Extract(Yaml, 1);

        Assert.Equal("- id: second\n  type: utility.log\n  parameters:\n    message: second\n", text);
    }

    [Fact]
    public async Task Replaced_pending_steps_run_on_resume_and_the_edit_is_recorded()
    {
        var harness = new EngineHarness();
        var run = harness.Start(Load(harness, Yaml), debug: true);
        await WaitPausedAsync(run);

        var edit = PendingStepsText.Apply(harness.Loader, Yaml, "edit.yaml", 1, """
            - id: replaced
              type: utility.log
              parameters:
                message: replaced by the edit
            """, "pending steps");
        Assert.True(edit.Validation.IsValid, string.Join("; ", edit.Validation.Diagnostics));
        var refusal = Control(run).ReplacePendingSteps(new PendingStepsReplacement(1, edit.Validation.Playbook!, edit.Edited, "alice"));

        Assert.Null(refusal);
        var edited = await run.Events.WaitForAsync<PendingStepsEditedEvent>();
        Assert.Equal(("alice", 1), (edited.EditedBy, edited.FromIndex));
        Assert.Equal(["replaced"], edited.StepIds);
        Assert.Contains("message: replaced by the edit", edited.PlaybookYaml, StringComparison.Ordinal);
        Assert.Equal(ExecutionStatus.Paused, run.Control.Status); // the edit does not resume the execution
        run.Control.Send(ExecutionCommand.Resume);
        Assert.Equal(ExecutionStatus.Completed, await run.CompletionAsync());
        Assert.Equal(["first", "replaced"], run.Finished.Select(f => f.StepPath));
        Assert.Contains(run.Logs, l => l.Contains("steps not yet run edited by alice: 'replaced'", StringComparison.Ordinal));
    }

    [Fact]
    public void Invalid_edits_name_their_line_in_the_edited_text()
    {
        var harness = new EngineHarness();

        var edit = PendingStepsText.Apply(harness.Loader, Yaml, "edit.yaml", 1, """
            - id: ok
              type: utility.log
              parameters:
                message: fine
            - id: first
              type: utility.nonsense
            """, "pending steps");

        Assert.False(edit.Validation.IsValid);
        var errors = edit.Validation.Errors.ToList();
        Assert.Contains(errors, d => d.Location.File == "pending steps" && d.Location.Line == 5 && d.Message.Contains("duplicate step id 'first'", StringComparison.Ordinal));
        Assert.Contains(errors, d => d.Location.File == "pending steps" && d.Location.Line == 6);
        var notAList = PendingStepsText.Apply(harness.Loader, Yaml, "edit.yaml", 1, "name: sneaky\n", "pending steps");
        Assert.Contains("must be a YAML list", Assert.Single(notAList.Validation.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Edits_are_refused_when_the_execution_is_not_paused_there_or_steps_already_run_change()
    {
        var harness = new EngineHarness();
        var run = harness.Start(Load(harness, Yaml), debug: true);
        await WaitPausedAsync(run);
        var control = Control(run);
        var other = Load(harness, Yaml.Replace("id: first", "id: changed", StringComparison.Ordinal));

        Assert.Contains("paused at step 2, not at step 1", control.ReplacePendingSteps(new PendingStepsReplacement(0, other, Yaml, "bob")));
        Assert.Contains("('first') has already run and cannot change", control.ReplacePendingSteps(new PendingStepsReplacement(1, other, Yaml, "bob")));

        run.Control.Send(ExecutionCommand.Cancel);
        Assert.Equal(ExecutionStatus.Cancelled, await run.CompletionAsync());
        Assert.Contains("not paused", control.ReplacePendingSteps(new PendingStepsReplacement(1, Load(harness, Yaml), Yaml, "bob")));
        Assert.DoesNotContain(run.Events.All, e => e is PendingStepsEditedEvent);
    }

    private static Playbook Load(EngineHarness harness, string yaml)
    {
        var result = harness.Loader.Load(yaml, "edit.yaml");
        Assert.True(result.IsValid, string.Join("; ", result.Diagnostics));
        return result.Playbook!;
    }

    private static IPendingStepsControl Control(RecordingRun run) => Assert.IsAssignableFrom<IPendingStepsControl>(run.Control);

    private static async Task WaitPausedAsync(RecordingRun run)
    {
        await run.Events.WaitForAsync<StepFinishedEvent>(_ => run.Finished.Count >= 1);
        Assert.True(await Wait.HoldsAsync(() => run.Control.Status == ExecutionStatus.Paused), $"status {run.Control.Status}, expected paused");
    }
}
