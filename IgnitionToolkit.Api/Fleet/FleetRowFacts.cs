using IgnitionToolkit.Api.Persistence;
using IgnitionToolkit.Core.Execution;
using Microsoft.EntityFrameworkCore;
using IgnitionToolkit.Contracts;

namespace IgnitionToolkit.Api.Fleet;

/// <summary>What a fleet row shows of its execution: status, times, error, and the first step that failed.</summary>
public sealed record ExecutionFacts(string Status, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, string? Error, string? FailedStep, string? FailedStepError);

/// <summary>Reads the executions of fleet rows in two queries (the executions, then the failed steps of the failed ones).
/// One place for the driver and the fleet endpoint, so both show the same thing.</summary>
public static class FleetRowFacts
{
    public static async Task<Dictionary<Guid, ExecutionFacts>> LoadAsync(ToolkitDbContext db, IReadOnlyCollection<Guid> executionIds, CancellationToken ct)
    {
        if (executionIds.Count == 0) return [];
        var executions = await db.Executions.AsNoTracking().Where(e => executionIds.Contains(e.Id))
            .Select(e => new { e.Id, e.Status, e.StartedAt, e.CreatedAt, e.FinishedAt, e.Error, e.Reason }).ToListAsync(ct);
        var failedIds = executions.Where(e => FleetStatuses.IsFailure(e.Status.ToWire())).Select(e => e.Id).ToList();
        var failedSteps = failedIds.Count == 0 ? [] : await db.StepResults.AsNoTracking()
            .Where(s => failedIds.Contains(s.ExecutionId) && s.Status == StepStatus.Failed)
            .Select(s => new { s.ExecutionId, s.StepPath, s.Order, s.Id, s.Error }).ToListAsync(ct);
        var firstFailed = failedSteps.GroupBy(s => s.ExecutionId)
            .ToDictionary(g => g.Key, g => g.OrderBy(s => s.Order).ThenBy(s => s.Id).First());
        return executions.ToDictionary(e => e.Id, e =>
        {
            var step = firstFailed.GetValueOrDefault(e.Id);
            return new ExecutionFacts(e.Status.ToWire(), e.StartedAt, e.FinishedAt, e.Error ?? e.Reason, step?.StepPath, step?.Error);
        });
    }
}
