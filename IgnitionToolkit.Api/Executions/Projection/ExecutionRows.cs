using IgnitionToolkit.Api.Persistence;
using IgnitionToolkit.Api.Persistence.Entities;
using IgnitionToolkit.Contracts.Events;
using IgnitionToolkit.Core.Execution.Projection;
using Microsoft.EntityFrameworkCore;

namespace IgnitionToolkit.Api.Executions.Projection;

/// <summary>The database rows of one execution as a target of <see cref="ExecutionProjection"/>, within one unit of
/// work: the step rows a batch touches are loaded once (<see cref="LoadStepsAsync"/>), new rows, log lines and artifacts
/// are added to the context (saved by the caller).</summary>
public sealed class ExecutionRows(ToolkitDbContext db, ExecutionRecord execution) : IExecutionProjectionTarget
{
    private readonly Dictionary<string, StepResultRecord> _steps = new(StringComparer.Ordinal);

    public IProjectedExecution Execution => execution;

    /// <summary>Loads the existing rows of the step paths the events touch.</summary>
    public async Task LoadStepsAsync(IEnumerable<ExecutionEvent> events, CancellationToken ct)
    {
        var paths = events.Select(ExecutionProjection.StepPathOf).OfType<string>().Where(p => !_steps.ContainsKey(p)).Distinct().ToList();
        if (paths.Count == 0) return;
        foreach (var row in await db.StepResults.Where(s => s.ExecutionId == execution.Id && paths.Contains(s.StepPath)).ToListAsync(ct))
            _steps[row.StepPath] = row;
    }

    public IProjectedStep Step(string stepPath, string? parentPath, string stepId, long sequence)
    {
        if (_steps.TryGetValue(stepPath, out var row)) return row;
        row = new StepResultRecord { ExecutionId = execution.Id, StepPath = stepPath, StepId = stepId, Name = stepId, Type = string.Empty, Order = sequence };
        db.StepResults.Add(row);
        _steps[stepPath] = row;
        return row;
    }

    public void AddLog(long sequence, LogEvent log) => db.LogLines.Add(new LogLineRecord
    {
        ExecutionId = execution.Id, Sequence = sequence, Timestamp = log.Timestamp, StepPath = log.StepPath, Level = log.Level, Message = log.Message,
    });

    public void AddArtifact(long sequence, ArtifactSavedEvent a) => db.Artifacts.Add(new ArtifactRecord
    {
        ExecutionId = execution.Id, Sequence = sequence, StepPath = a.StepPath, Name = a.Name, ContentType = a.ContentType,
        Size = a.Size, Sha256 = a.Sha256, Path = a.Path, CreatedAt = a.Timestamp,
    });
}
