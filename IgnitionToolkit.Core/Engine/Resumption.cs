using IgnitionToolkit.Contracts;
using IgnitionToolkit.Contracts.Events;
using IgnitionToolkit.Core.Execution;
using IgnitionToolkit.Core.Plugins;

namespace IgnitionToolkit.Core.Engine;

/// <summary>Starts a resumed execution (<see cref="ResumePoint"/>): seeds the top-level frame with the variables and
/// step outputs of the execution it resumes and reports the steps before the start step as reused.</summary>
internal static class Resumption
{
    /// <summary>The index to start at (0 without a resume), or why the resume cannot start (the step is not in the playbook).</summary>
    public static async Task<(int Start, string? Refused)> SeedAsync(ExecutionSession session, PlaybookFrame frame, ResumePoint? resume)
    {
        if (resume is null) return (0, null);
        var steps = frame.Playbook.Steps;
        var start = -1;
        for (var i = 0; i < steps.Count && start < 0; i++)
            if (string.Equals(steps[i].Id, resume.StartAtStepId, StringComparison.Ordinal)) start = i;
        if (start < 0)
            return (0, $"cannot resume at step '{resume.StartAtStepId}': the playbook has no top-level step with that id");

        // Values that travelled as JSON become the plain .NET values steps produce (StepValues), as in the first run.
        foreach (var (name, value) in resume.Variables) frame.Variables[name] = StepValues.Plain(value);
        for (var i = 0; i < start; i++)
        {
            var step = steps[i];
            var outputs = resume.StepOutputs.TryGetValue(step.Id, out var reused)
                ? reused.ToDictionary(o => o.Key, o => StepValues.Plain(o.Value), StringComparer.Ordinal)
                : StepRunOutcome.NoOutputs;
            if (!ReferenceEquals(outputs, StepRunOutcome.NoOutputs)) frame.StepOutputs[step.Id] = outputs;
            // Shown as a skipped step (name, type) with the reused outputs; the last one carries the seeded variables,
            // so this execution can itself be resumed after it.
            await session.EmitAsync(new StepStartedEvent(DateTimeOffset.UtcNow, frame.PathOf(step), null, step.Id, step.Name, step.Type, 0, StepRunOutcome.NoOutputs));
            var reusedStep = new StepFinishedEvent(DateTimeOffset.UtcNow, frame.PathOf(step), null, step.Id, StepStatus.Skipped,
                outputs, resume.Reason, TimeSpan.Zero, 0);
            await session.EmitAsync(reusedStep with { Variables = i == start - 1 ? new Dictionary<string, object?>(frame.Variables) : null });
        }
        session.Log(null, "info", $"resuming at step '{resume.StartAtStepId}' with the variables and outputs of execution {resume.ResumedFrom} ({start} step(s) reused)");
        return (start, null);
    }
}
