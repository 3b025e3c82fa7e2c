using IgnitionToolkit.Api.Persistence;
using IgnitionToolkit.Api.Persistence.Entities;
using IgnitionToolkit.Contracts.Events;
using IgnitionToolkit.Core.Execution.Projection;
using Microsoft.EntityFrameworkCore;

namespace IgnitionToolkit.Api.Executions.Projection;

/// <summary>The database rows of one execution as a target of <see cref="ExecutionProjection"/>, within one unit of
/// work: the step rows a batch touches are loaded once (<see cref="LoadStepsAsync"/>) and updated through the context;
/// new step rows, log lines and artifacts are collected in their final state for <see cref="InsertNewAsync"/>.</summary>
public sealed class ExecutionRows(ToolkitDbContext db, ExecutionRecord execution) : IExecutionProjectionTarget
{
    private readonly Dictionary<string, StepResultRecord> _steps = new(StringComparer.Ordinal);
    private readonly List<StepResultRecord> _newSteps = [];
    private readonly List<LogLineRecord> _logs = [];
    private readonly List<ArtifactRecord> _artifacts = [];
    private readonly List<PendingEventRecord> _pending = [];

    /// <summary>The execution had events waiting for a gap when the batch was staged: those applied by now are deleted.</summary>
    public bool HadPending { get; set; }

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
        _newSteps.Add(row);
        _steps[stepPath] = row;
        return row;
    }

    public void AddLog(long sequence, LogEvent log) => _logs.Add(new LogLineRecord
    {
        ExecutionId = execution.Id, Sequence = sequence, Timestamp = log.Timestamp, StepPath = log.StepPath, Level = log.Level, Message = log.Message,
    });

    public void AddArtifact(long sequence, ArtifactSavedEvent a) => _artifacts.Add(new ArtifactRecord
    {
        ExecutionId = execution.Id, Sequence = sequence, StepPath = a.StepPath, Name = a.Name, ContentType = a.ContentType,
        Size = a.Size, Sha256 = a.Sha256, Path = a.Path, CreatedAt = a.Timestamp,
    });

    /// <summary>An event that came before the gap behind it was filled: stored until it can be applied. The broker
    /// delivers a consumer batch's messages concurrently, so a Runner's batches often arrive one behind the other.</summary>
    public void AddPending(PendingEventRecord waiting) => _pending.Add(waiting);

    /// <summary>Writes the new rows (after the context's changes, in its transaction): a multi-row insert per table
    /// instead of a command per row; the waiting events applied meanwhile go in one delete.</summary>
    public async Task InsertNewAsync(CancellationToken ct)
    {
        if (HadPending)
            await db.PendingEvents.Where(p => p.ExecutionId == execution.Id && p.Sequence <= execution.LastAppliedSequence).ExecuteDeleteAsync(ct);
        await BulkInsert.InsertAsync(db, _newSteps, ct);
        await BulkInsert.InsertAsync(db, _logs, ct);
        await BulkInsert.InsertAsync(db, _artifacts, ct);
        await BulkInsert.InsertAsync(db, _pending, ct);
    }
}
