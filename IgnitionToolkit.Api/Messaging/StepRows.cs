using IgnitionToolkit.Api.Persistence;
using IgnitionToolkit.Api.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace IgnitionToolkit.Api.Messaging;

/// <summary>Finds or creates the step row of a step path within one unit of work (rows added but not saved yet included).</summary>
public sealed class StepRows(ToolkitDbContext db, Guid executionId)
{
    private readonly Dictionary<string, StepResultRecord> _cache = new(StringComparer.Ordinal);

    public async Task<StepResultRecord> GetOrAddAsync(string stepPath, long sequence, Func<StepResultRecord> create, CancellationToken ct)
    {
        if (_cache.TryGetValue(stepPath, out var cached)) return cached;
        var row = await db.StepResults.FirstOrDefaultAsync(s => s.ExecutionId == executionId && s.StepPath == stepPath, ct);
        if (row is null)
        {
            row = create();
            row.ExecutionId = executionId;
            row.Order = sequence;
            db.StepResults.Add(row);
        }
        _cache[stepPath] = row;
        return row;
    }
}
