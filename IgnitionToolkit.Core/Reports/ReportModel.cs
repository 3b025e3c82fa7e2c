using IgnitionToolkit.Contracts;
using IgnitionToolkit.Contracts.Events;
using IgnitionToolkit.Core.Execution.Projection;
using IgnitionToolkit.Core.Execution.Status;

namespace IgnitionToolkit.Core.Reports;

/// <summary>An execution as the reports show it, built from its events by the one projection of events
/// (<see cref="ExecutionProjection"/>): steps as a tree (nested playbooks under their <c>playbook.run</c> step) with
/// their logs and artifacts. Used by the command line's <c>--junit</c> and <c>--report</c> and, later, the API's downloads.</summary>
public sealed class ReportModel : IExecutionProjectionTarget
{
    private readonly ReportExecution _execution = new();
    private readonly Dictionary<string, ReportStep> _steps = new(StringComparer.Ordinal);
    private readonly List<LogEvent> _executionLogs = [];

    private ReportModel(string playbookName) => PlaybookName = playbookName;

    public string PlaybookName { get; private set; }
    public ExecutionStatus Status => _execution.Status;
    public DateTimeOffset? StartedAt => _execution.StartedAt;
    public DateTimeOffset? FinishedAt => _execution.FinishedAt;
    public TimeSpan Duration { get; private set; }
    public string? Error => _execution.Error;

    /// <summary>The top-level steps in the order they started; nested steps are in <see cref="ReportStep.Children"/>.</summary>
    public IReadOnlyList<ReportStep> Steps => [.. _steps.Values.Where(s => s.ParentPath is null || !_steps.ContainsKey(s.ParentPath)).OrderBy(s => s.Order)];

    /// <summary>Every step, depth first.</summary>
    public IEnumerable<ReportStep> AllSteps => Steps.SelectMany(s => s.SelfAndDescendants);

    /// <summary>Logs not written by a step (the engine's own).</summary>
    public IReadOnlyList<LogEvent> ExecutionLogs => _executionLogs;

    public static ReportModel From(IEnumerable<ExecutionEvent> events, string playbookName)
    {
        var model = new ReportModel(playbookName);
        long sequence = 0;
        foreach (var executionEvent in events)
        {
            ExecutionProjection.Apply(model, ++sequence, executionEvent);
            if (executionEvent is ExecutionStartedEvent started) model.PlaybookName = started.PlaybookName;
            if (executionEvent is ExecutionFinishedEvent finished) model.Duration = finished.Duration;
        }
        return model;
    }

    IProjectedExecution IExecutionProjectionTarget.Execution => _execution;

    IProjectedStep IExecutionProjectionTarget.Step(string stepPath, string? parentPath, string stepId, long sequence)
    {
        if (!_steps.TryGetValue(stepPath, out var step))
        {
            step = new ReportStep(stepPath, sequence) { ParentPath = parentPath, StepId = stepId, Name = stepId };
            _steps[stepPath] = step;
            if (parentPath is not null && _steps.TryGetValue(parentPath, out var parent)) parent.AddChild(step);
        }
        return step;
    }

    void IExecutionProjectionTarget.AddLog(long sequence, LogEvent log)
    {
        if (log.StepPath is not null && _steps.TryGetValue(log.StepPath, out var step)) step.AddLog(log);
        else _executionLogs.Add(log);
    }

    void IExecutionProjectionTarget.AddArtifact(long sequence, ArtifactSavedEvent artifact)
    {
        if (artifact.StepPath is not null && _steps.TryGetValue(artifact.StepPath, out var step)) step.AddArtifact(artifact);
    }

    private sealed class ReportExecution : IProjectedExecution
    {
        public ExecutionStatus Status { get; private set; } = ExecutionStatus.Pending;
        public DateTimeOffset? FinishedAt { get; private set; }
        public int Version { get; private set; }
        public DateTimeOffset? StartedAt { get; set; }
        public int? StepCount { get; set; }
        public string? Error { get; set; }
        public DebugContext? DebugContext { private get; set; }

        public void Write(ExecutionStatusChange change) => (Status, FinishedAt, Version) = (change.Status, change.FinishedAt, change.Version);
    }
}

/// <summary>One step of a <see cref="ReportModel"/>.</summary>
public sealed class ReportStep(string path, long order) : IProjectedStep
{
    private readonly List<ReportStep> _children = [];
    private readonly List<LogEvent> _logs = [];
    private readonly List<ArtifactSavedEvent> _artifacts = [];

    public string Path { get; } = path;
    public long Order { get; } = order;
    public StepStatus Status { get; private set; } = StepStatus.Pending;
    public string? ParentPath { get; set; }
    public string StepId { get; set; } = "";
    public string Name { get; set; } = "";
    public string Type { get; set; } = "";
    public int Attempt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public double? DurationMs { get; set; }
    public string? Error { get; set; }
    public IReadOnlyDictionary<string, object?> Outputs { get; set; } = new Dictionary<string, object?>();

    public TimeSpan Duration => TimeSpan.FromMilliseconds(DurationMs ?? 0);
    public IReadOnlyList<ReportStep> Children => _children;
    public IReadOnlyList<LogEvent> Logs => _logs;
    public IReadOnlyList<ArtifactSavedEvent> Artifacts => _artifacts;
    public IEnumerable<ReportStep> SelfAndDescendants => _children.SelectMany(c => c.SelfAndDescendants).Prepend(this);

    public void Write(StepStatus status) => Status = status;

    internal void AddChild(ReportStep child) => _children.Add(child);
    internal void AddLog(LogEvent log) => _logs.Add(log);
    internal void AddArtifact(ArtifactSavedEvent artifact) => _artifacts.Add(artifact);
}
