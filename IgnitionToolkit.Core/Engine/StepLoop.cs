using IgnitionToolkit.Core.Execution;
using IgnitionToolkit.Core.Playbooks;

namespace IgnitionToolkit.Core.Engine;

/// <summary>Walks a playbook's steps, applying control commands at step boundaries, on_failure and debug-mode pauses.</summary>
internal sealed class StepLoop(StepInvoker invoker)
{
    public async Task<FrameResult> RunAsync(ExecutionSession session, PlaybookFrame frame)
    {
        var steps = frame.Playbook.Steps;
        var controller = session.Controller;
        var ran = 0;
        var i = 0;
        while (i < steps.Count)
        {
            var step = steps[i];
            var nav = await controller.AtBoundaryAsync(status => EmitStatusAsync(session, status));
            if (nav == Navigation.Back)
            {
                i = Math.Max(0, i - 1);
                continue;
            }
            if (nav == Navigation.Skip)
            {
                await SkipAsync(session, frame, step, "skipped by user");
                i++;
                continue;
            }

            var outcome = await invoker.RunAsync(session, frame, step);
            ran++;
            if (outcome.Interrupted == Navigation.Back)
            {
                i = Math.Max(0, i - 1);
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
            if (session.DebugMode) controller.PauseAtNextBoundary();
            i++;
        }
        return new FrameResult(false, null, ran);
    }

    internal static async Task EmitStatusAsync(ExecutionSession session, ExecutionStatus status) =>
        await session.EmitAsync(new ExecutionStatusChangedEvent(DateTimeOffset.UtcNow, status,
            status == ExecutionStatus.Paused ? "paused at step boundary" : null));

    private static async Task SkipAsync(ExecutionSession session, PlaybookFrame frame, PlaybookStep step, string reason)
    {
        var path = frame.PathOf(step);
        await session.EmitAsync(new StepStartedEvent(DateTimeOffset.UtcNow, path, frame.ParentPath, step.Id, step.Name, step.Type, 1, step.Parameters));
        await StepInvoker.Finished(session, frame, step, path,
            new StepRunOutcome(StepStatus.Skipped, StepRunOutcome.NoOutputs, reason, Navigation.Skip), TimeSpan.Zero, 1);
    }
}
