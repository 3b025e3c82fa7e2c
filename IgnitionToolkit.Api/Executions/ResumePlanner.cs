using IgnitionToolkit.Api.Persistence.Entities;
using IgnitionToolkit.Contracts;
using IgnitionToolkit.Core.Execution;
using IgnitionToolkit.Core.Playbooks;

namespace IgnitionToolkit.Api.Executions;

/// <summary>Which top-level step a resume starts at, or why it cannot.</summary>
public sealed record ResumeChoice(string? StepId, int Index, string? Refusal);

/// <summary>
/// Checks a resume against the playbook as it is now: the start step (default: the first top-level step that did not
/// complete; a nested step's path resumes at its parent step) must still exist, and every step before it must have run
/// in the resumed execution as the same step (id and type): those are the inputs the resume reuses. When the playbook's
/// text changed since (content hash), the steps before the start must also be the same ids in the same order.
/// </summary>
public static class ResumePlanner
{
    public static ResumeChoice Choose(Playbook playbook, string currentHash, ExecutionRecord old, IReadOnlyList<StepResultRecord> topRows, string? requested)
    {
        var rows = new Dictionary<string, StepResultRecord>(StringComparer.Ordinal);
        foreach (var row in topRows) rows[row.StepId] = row;
        var steps = playbook.Steps;
        string startId;
        if (!string.IsNullOrWhiteSpace(requested))
        {
            startId = requested.Trim().Split('/')[0];
        }
        else
        {
            var first = steps.FirstOrDefault(s => !rows.TryGetValue(s.Id, out var row) || !Done(row));
            if (first is null) return Refuse($"every step of execution {old.Id} completed; there is nothing to resume (run it again instead)");
            startId = first.Id;
        }

        var index = -1;
        for (var i = 0; i < steps.Count && index < 0; i++)
            if (string.Equals(steps[i].Id, startId, StringComparison.Ordinal)) index = i;
        if (index < 0)
            return Refuse($"step '{startId}' does not exist in playbook '{old.PlaybookPath}' as it is now; choose one of: {string.Join(", ", steps.Select(s => s.Id))}");

        for (var i = 0; i < index; i++)
        {
            var step = steps[i];
            if (!rows.TryGetValue(step.Id, out var row))
                return Refuse($"step '{step.Id}' (before '{startId}') did not run in execution {old.Id}: the playbook changed or the execution stopped earlier, so its outputs do not exist; resume from an earlier step");
            if (row.Type.Length > 0 && !string.Equals(row.Type, step.Type, StringComparison.Ordinal))
                return Refuse($"step '{step.Id}' (before '{startId}') is now a {step.Type} step but ran as {row.Type} in execution {old.Id}; its outputs no longer fit");
        }
        if (old.PlaybookHash is { } hash && hash != currentHash)
        {
            var before = steps.Take(index).Select(s => s.Id).ToList();
            var ran = topRows.Select(r => r.StepId).Where(id => !string.Equals(id, startId, StringComparison.Ordinal)).Take(index).ToList();
            if (!before.SequenceEqual(ran, StringComparer.Ordinal))
                return Refuse($"playbook '{old.PlaybookPath}' changed since execution {old.Id}: the steps before '{startId}' are now [{string.Join(", ", before)}] but were [{string.Join(", ", ran)}]");
        }
        return new ResumeChoice(startId, index, null);
    }

    /// <summary>A step the resume need not run again: completed, or itself reused by an earlier resume.</summary>
    public static bool Done(StepResultRecord row) => row.Status == StepStatus.Completed || (row.Status == StepStatus.Skipped && ResumePoint.IsReused(row.Error));

    private static ResumeChoice Refuse(string reason) => new(null, -1, reason);
}
