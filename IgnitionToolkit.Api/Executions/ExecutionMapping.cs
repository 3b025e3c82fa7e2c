using IgnitionToolkit.Contracts;
using System.Text.Json;
using IgnitionToolkit.Api.Persistence.Entities;

namespace IgnitionToolkit.Api.Executions;

public static class ExecutionMapping
{
    public static ExecutionSummaryDto ToSummary(ExecutionRecord r) => new(
        r.Id, r.PlaybookPath, r.PlaybookName, r.Status.ToWire(), r.DebugMode, r.CreatedAt, r.StartedAt, r.FinishedAt,
        r.Error, r.Reason, r.RunnerId, r.StepCount, r.StartedBy, r.LastHeartbeatAt, r.LastAppliedSequence, r.FleetRunId, r.Pinned,
        r.ScheduleId, r.ScheduleName, r.ResumedFromId, r.ResumedAtStep, r.ResumedAutomatically, StartTimeouts.FromJson(r.TimeoutOverridesJson));

    /// <summary>Steps in the order they first ran; nested steps carry their parent path and depth.</summary>
    public static IReadOnlyList<StepResultDto> ToSteps(IEnumerable<StepResultRecord> rows)
    {
        var ordered = rows.OrderBy(s => s.Order).ThenBy(s => s.Id).ToList();
        var parents = ordered.ToDictionary(s => s.StepPath, s => s.ParentPath, StringComparer.Ordinal);
        return ordered.Select(s => new StepResultDto(
            s.StepPath, s.ParentPath, Depth(s, parents), s.StepId, s.Name, s.Type, s.Status.ToWire(), s.Attempt,
            s.StartedAt, s.FinishedAt, s.DurationMs, ParseOrNull(s.OutputsJson), s.Error)).ToList();
    }

    public static JsonElement? ParseOrNull(string? json) =>
        string.IsNullOrEmpty(json) ? null : JsonDocument.Parse(json).RootElement.Clone();

    private static int Depth(StepResultRecord step, Dictionary<string, string?> parents)
    {
        var depth = 0;
        var parent = step.ParentPath;
        while (parent is not null && depth < 64)
        {
            depth++;
            parent = parents.TryGetValue(parent, out var next) ? next : null;
        }
        return depth;
    }
}
