using IgnitionToolkit.Core.Execution;
using IgnitionToolkit.Core.Playbooks;
using IgnitionToolkit.Core.Security;
using IgnitionToolkit.Contracts;
using IgnitionToolkit.Contracts.Events;

namespace IgnitionToolkit.Core.Engine;

/// <summary>Walks a playbook's steps, applying control commands at step boundaries, on_failure and debug-mode pauses.</summary>
internal sealed class StepLoop(StepInvoker invoker)
{
    /// <param name="start">Index of the first step to run (a resume starts later; the steps before it are reused).</param>
    public async Task<FrameResult> RunAsync(ExecutionSession session, PlaybookFrame frame, int start = 0)
    {
        var controller = session.Controller;
        var ran = 0;
        var i = start;
        while (i < frame.Playbook.Steps.Count)
        {
            var nav = await controller.AtBoundaryAsync(status => EmitStatusAsync(session, status), Targets(session, frame, i));
            // read after the boundary: an edit while paused may have replaced the steps from here on (or removed them)
            if (i >= frame.Playbook.Steps.Count) break;
            var step = frame.Effective(i);
            var attemptBase = 0;
            if (nav == Navigation.Rerun)
            {
                var rerun = controller.TakeRerun();
                i = rerun.Index;
                step = Edit(session, frame, rerun);
                attemptBase = session.LastAttempt(frame.PathOf(step));
            }
            // Debug mode moves one step at a time: after Skip (the step is marked skipped) or Skip back (the step before
            // is queued again) the execution pauses again before the step it lands on; Resume runs exactly one step.
            if (nav == Navigation.Back)
            {
                i = await BackAsync(session, frame, i);
                continue;
            }
            if (nav == Navigation.Skip)
            {
                await SkipAsync(session, frame, step, "skipped by user");
                if (session.DebugMode)
                {
                    await EmitDebugContextAsync(session, frame, step, i + 1, $"debug mode: step '{step.Id}' skipped by user", null);
                    controller.PauseAtNextBoundary();
                }
                i++;
                continue;
            }

            var outcome = await invoker.RunAsync(session, frame, step, attemptBase);
            ran++;
            if (outcome.Interrupted == Navigation.Back)
            {
                i = await BackAsync(session, frame, i);
                continue;
            }
            if (outcome.Status == StepStatus.Failed)
            {
                if (session.DebugMode)
                {
                    // Debug mode: no retry; capture the context, pause, and run the same step again on resume.
                    await session.EmitAsync(new DebugPausedEvent(DateTimeOffset.UtcNow, frame.PathOf(step), "step failed", outcome.Error,
                        step.Parameters, new Dictionary<string, object?>(frame.Variables)));
                    controller.PauseAtNextBoundary();
                    continue;
                }
                if (step.OnFailure != FailureAction.Continue)
                    return new FrameResult(true, $"step '{step.Id}' failed: {outcome.Error}", ran);
                session.Log(frame.PathOf(step), "warning", $"step '{step.Id}' failed; continuing (on_failure: continue)");
            }
            if (session.DebugMode)
            {
                // Every debug pause shows its context: the step that just ran (its parameters, after a re-run the edited
                // ones), the variables it left, and which step runs next.
                if (frame.ParentPath is not null || i + 1 < frame.Playbook.Steps.Count)
                    await EmitDebugContextAsync(session, frame, step, i + 1,
                        nav == Navigation.Rerun ? $"re-run {outcome.Status.ToWire()}" : $"debug mode: step '{step.Id}' {outcome.Status.ToWire()}", outcome.Error);
                controller.PauseAtNextBoundary();
            }
            i++;
        }
        return new FrameResult(false, null, ran);
    }

    internal static async Task EmitStatusAsync(ExecutionSession session, ExecutionStatus status) =>
        await session.EmitAsync(new ExecutionStatusChangedEvent(DateTimeOffset.UtcNow, status,
            status == ExecutionStatus.Paused ? "paused at step boundary" : null));

    /// <summary>The step the loop is paused at and the one before it (re-runnable from the debug panel); at top level
    /// also how the steps from <paramref name="index"/> on are replaced (edit while paused).</summary>
    private static RerunTargets Targets(ExecutionSession session, PlaybookFrame frame, int index) =>
        new(RerunSteps(frame, index))
        {
            PausedIndex = index,
            ReplacePending = frame.ParentPath is null ? edit => ReplacePending(session, frame, edit) : null,
        };

    /// <summary>Replaces the pending steps (called by the controller while the loop waits at its boundary) and records
    /// who did it in the execution's events and log.</summary>
    private static RerunTargets ReplacePending(ExecutionSession session, PlaybookFrame frame, PendingStepsReplacement edit)
    {
        frame.ReplacePending(edit.FromIndex, edit.Playbook);
        var ids = frame.Playbook.Steps.Skip(edit.FromIndex).Select(s => s.Id).ToList();
        _ = session.EmitAsync(new PendingStepsEditedEvent(DateTimeOffset.UtcNow, edit.EditedBy, edit.FromIndex, ids, edit.PlaybookYaml));
        session.Log(null, "info", $"steps not yet run edited by {edit.EditedBy}: " +
            (ids.Count == 0 ? "none left" : string.Join(", ", ids.Select(id => $"'{id}'"))));
        return Targets(session, frame, edit.FromIndex);
    }

    private static List<(PlaybookStep, int, string)> RerunSteps(PlaybookFrame frame, int index)
    {
        var targets = new List<(PlaybookStep, int, string)>();
        for (var j = index; j >= Math.Max(0, index - 1); j--)
        {
            if (j >= frame.Playbook.Steps.Count) continue;
            var step = frame.Effective(j);
            targets.Add((step, j, frame.PathOf(step)));
        }
        return targets;
    }

    /// <summary>Applies edited parameters to a step (they stay for the rest of the execution) and says so in the log;
    /// secret-looking edited values are masked from then on.</summary>
    private static PlaybookStep Edit(ExecutionSession session, PlaybookFrame frame, RerunRequest rerun)
    {
        foreach (var (name, value) in rerun.Overrides)
            if (value is string secret && SecretNames.IsSecretName(name)) session.Masker.Add(secret);
        var edited = rerun.Step with { Parameters = ParameterOverrides.Apply(rerun.Step.Parameters, rerun.Overrides) };
        frame.EditedSteps[rerun.Index] = edited;
        var names = rerun.Overrides.Count == 0 ? "no parameter changed" : "edited " + string.Join(", ", rerun.Overrides.Keys);
        session.Log(frame.PathOf(edited), "info", $"re-running step '{edited.Id}' ({names})");
        return edited;
    }

    /// <summary>Skip back from step <paramref name="index"/>: the step before it is queued again (shown pending) and, in
    /// debug mode, the execution pauses before it.</summary>
    private static async Task<int> BackAsync(ExecutionSession session, PlaybookFrame frame, int index)
    {
        var target = Math.Max(0, index - 1);
        var step = frame.Effective(target);
        var path = frame.PathOf(step);
        session.Log(path, "info", $"skip back: step '{step.Id}' is queued again");
        await session.EmitAsync(new StepFinishedEvent(DateTimeOffset.UtcNow, path, frame.ParentPath, step.Id, StepStatus.Pending,
            StepRunOutcome.NoOutputs, null, TimeSpan.Zero, session.LastAttempt(path)));
        if (session.DebugMode)
        {
            await EmitDebugContextAsync(session, frame, step, target, $"debug mode: skip back, step '{step.Id}' queued again", null);
            session.Controller.PauseAtNextBoundary();
        }
        return target;
    }

    /// <summary>The context a debug pause shows: <paramref name="step"/> (parameters), the variables, and the step at
    /// <paramref name="nextIndex"/> that runs on Resume.</summary>
    private static Task EmitDebugContextAsync(ExecutionSession session, PlaybookFrame frame, PlaybookStep step, int nextIndex, string reason, string? error)
    {
        var next = nextIndex < frame.Playbook.Steps.Count ? $"; next: '{frame.Effective(nextIndex).Id}'" : "";
        return session.EmitAsync(new DebugPausedEvent(DateTimeOffset.UtcNow, frame.PathOf(step), reason + next, error,
            step.Parameters, new Dictionary<string, object?>(frame.Variables))).AsTask();
    }

    private static async Task SkipAsync(ExecutionSession session, PlaybookFrame frame, PlaybookStep step, string reason)
    {
        var path = frame.PathOf(step);
        await session.EmitAsync(new StepStartedEvent(DateTimeOffset.UtcNow, path, frame.ParentPath, step.Id, step.Name, step.Type, 1, step.Parameters));
        await StepInvoker.Finished(session, frame, step, path,
            new StepRunOutcome(StepStatus.Skipped, StepRunOutcome.NoOutputs, reason, Navigation.Skip), TimeSpan.Zero, 1);
    }
}
