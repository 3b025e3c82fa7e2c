using IgnitionToolkit.Contracts;
using IgnitionToolkit.Contracts.Events;
using IgnitionToolkit.Core.Execution.Projection;
using IgnitionToolkit.Core.Execution.Status;

namespace IgnitionToolkit.Core.Tests.Execution;

/// <summary>The one projection of events into an execution view (the API's rows and the Web's live page use it).</summary>
[Trait("Category", "Unit")]
public sealed class ExecutionProjectionTests
{
    private static readonly DateTimeOffset T = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
    private static readonly Dictionary<string, object?> None = [];

    [Fact]
    public void A_nested_run_becomes_steps_logs_artifacts_and_a_final_status()
    {
        var view = new View();
        Apply(view,
            new ExecutionStartedEvent(T, "Parent", 1),
            new StepStartedEvent(T.AddSeconds(1), "call", null, "call", "Call", "playbook.run", 1, None),
            new LogEvent(T.AddSeconds(2), "call", "info", "starting child"),
            new StepStartedEvent(T.AddSeconds(3), "call/say", "call", "say", "Say", "utility.log", 1, None),
            new StepFinishedEvent(T.AddSeconds(4), "call/say", "call", "say", StepStatus.Completed, new Dictionary<string, object?> { ["n"] = 3 }, null, TimeSpan.FromMilliseconds(12.5), 1),
            new ArtifactSavedEvent(T.AddSeconds(5), "call/say", "out.txt", "text/plain", 5, "abc", "/tmp/out.txt"),
            new StepFinishedEvent(T.AddSeconds(6), "call", null, "call", StepStatus.Completed, None, null, TimeSpan.FromMilliseconds(40), 1),
            new ExecutionFinishedEvent(T.AddSeconds(7), ExecutionStatus.Completed, null, TimeSpan.FromMilliseconds(55)));

        Assert.Equal((ExecutionStatus.Completed, T, T.AddSeconds(7), 1), (view.Status, view.StartedAt, view.FinishedAt, view.StepCount));
        Assert.Equal(["call", "call/say"], view.Steps.Keys);
        var say = view.Steps["call/say"];
        Assert.Equal((StepStatus.Completed, "call", "Say", "utility.log", 12.5, 4L), (say.Status, say.ParentPath, say.Name, say.Type, say.DurationMs, say.Order));
        Assert.Equal(3, say.Outputs!["n"]);
        Assert.Equal([(3L, "starting child")], view.Logs);
        Assert.Equal([(6L, "out.txt")], view.Artifacts);
    }

    [Fact]
    public void A_debug_pause_keeps_the_context_and_a_step_run_again_starts_clean()
    {
        var view = new View();
        Apply(view,
            new ExecutionStartedEvent(T, "P", 1),
            new StepStartedEvent(T, "nap", null, "nap", "Nap", "utility.wait", 1, None),
            new StepFinishedEvent(T.AddSeconds(1), "nap", null, "nap", StepStatus.Failed, None, "seconds: must be zero or more", TimeSpan.FromSeconds(1), 1),
            new DebugPausedEvent(T.AddSeconds(1), "nap", "step failed", "seconds: must be zero or more", None, None));

        Assert.Equal((ExecutionStatus.Paused, ExecutionProjection.DebugPausedReason), (view.Status, view.Reason));
        Assert.Equal("nap", view.Context?.StepPath);

        Apply(view, 5,
            new ExecutionStatusChangedEvent(T.AddSeconds(2), ExecutionStatus.Running, null),
            new StepStartedEvent(T.AddSeconds(2), "nap", null, "nap", "Nap", "utility.wait", 2, None));

        var nap = view.Steps["nap"];
        Assert.Equal((ExecutionStatus.Running, (string?)null), (view.Status, view.Reason));
        Assert.Equal((StepStatus.Running, 2, (string?)null, (DateTimeOffset?)null, (double?)null), (nap.Status, nap.Attempt, nap.Error, nap.FinishedAt, nap.DurationMs));
    }

    [Fact]
    public void The_runners_final_word_wins_over_interrupted_but_nothing_moves_a_final_status()
    {
        var view = new View();
        Apply(view, new ExecutionStartedEvent(T, "P", 1));
        StatusMachine.TryMove(view, ExecutionStatus.Interrupted, T.AddSeconds(30), "runner r1 stopped sending heartbeats");

        Apply(view, 2, new ExecutionFinishedEvent(T.AddSeconds(31), ExecutionStatus.Failed, "boom", TimeSpan.FromSeconds(31)));
        Assert.Equal((ExecutionStatus.Failed, "boom", (string?)null, (DateTimeOffset?)T.AddSeconds(31)), (view.Status, view.Error, view.Reason, view.FinishedAt));

        Apply(view, 3,
            new ExecutionStatusChangedEvent(T.AddSeconds(32), ExecutionStatus.Running, null),
            new ExecutionFinishedEvent(T.AddSeconds(33), ExecutionStatus.Completed, null, TimeSpan.Zero));
        Assert.Equal((ExecutionStatus.Failed, "boom"), (view.Status, view.Error));
    }

    [Fact]
    public void An_unknown_kind_changes_nothing()
    {
        var view = new View();
        Assert.False(ExecutionProjection.Apply(view, 1, new ExecutionEvent(T)));
        Assert.Equal((ExecutionStatus.Pending, 0), (view.Status, view.Version));
    }

    private static void Apply(View view, params ExecutionEvent[] events) => Apply(view, 1, events);

    private static void Apply(View view, long first, params ExecutionEvent[] events)
    {
        foreach (var (e, i) in events.Select((e, i) => (e, i))) Assert.True(ExecutionProjection.Apply(view, first + i, e));
    }

    /// <summary>A minimal in-memory target, as the Web's view and the API's rows implement it.</summary>
    private sealed class View : IExecutionProjectionTarget, IProjectedExecution
    {
        public Dictionary<string, Step> Steps { get; } = [];
        public List<(long, string)> Logs { get; } = [];
        public List<(long, string)> Artifacts { get; } = [];
        public DebugContext? Context { get; private set; }

        public ExecutionStatus Status { get; private set; }
        public string? Reason { get; private set; }
        public DateTimeOffset? FinishedAt { get; private set; }
        public int Version { get; private set; }
        public DateTimeOffset? StartedAt { get; set; }
        public int? StepCount { get; set; }
        public string? Error { get; set; }
        public DebugContext? DebugContext { set => Context = value; }

        public IProjectedExecution Execution => this;

        public void Write(ExecutionStatusChange change) => (Status, Reason, FinishedAt, Version) = (change.Status, change.Reason, change.FinishedAt, change.Version);

        public IProjectedStep Step(string stepPath, string? parentPath, string stepId, long sequence)
        {
            if (!Steps.TryGetValue(stepPath, out var step)) Steps[stepPath] = step = new Step { StepId = stepId, Name = stepId, Order = sequence };
            return step;
        }

        public void AddLog(long sequence, LogEvent log) => Logs.Add((sequence, log.Message));

        public void AddArtifact(long sequence, ArtifactSavedEvent artifact) => Artifacts.Add((sequence, artifact.Name));
    }

    private sealed class Step : IProjectedStep
    {
        public StepStatus Status { get; private set; }
        public long Order { get; init; }
        public string? ParentPath { get; set; }
        public required string StepId { get; set; }
        public required string Name { get; set; }
        public string Type { get; set; } = "";
        public int Attempt { get; set; }
        public DateTimeOffset? StartedAt { get; set; }
        public DateTimeOffset? FinishedAt { get; set; }
        public double? DurationMs { get; set; }
        public string? Error { get; set; }
        public IReadOnlyDictionary<string, object?>? Outputs { get; private set; }

        IReadOnlyDictionary<string, object?> IProjectedStep.Outputs { set => Outputs = value; }

        public void Write(StepStatus status) => Status = status;
    }
}
