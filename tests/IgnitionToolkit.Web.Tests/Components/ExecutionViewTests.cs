using System.Text.Json;
using IgnitionToolkit.Contracts;
using IgnitionToolkit.Contracts.Events;
using IgnitionToolkit.Contracts.Live;
using IgnitionToolkit.Web.Api;
using IgnitionToolkit.Web.Api.Models;
using IgnitionToolkit.Web.Live;

namespace IgnitionToolkit.Web.Tests.Components;

/// <summary>The live state a page shows: REST state first, then only newer events, nothing lost or doubled.</summary>
[Trait("Category", "Unit")]
public sealed class ExecutionViewTests
{
    private static ExecutionDetail Detail(long lastSequence, params LogLine[] logs) => new(
        new ExecutionSummary(Guid.NewGuid(), "utility/x.yaml", "X", "running", false, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, null,
            null, null, "r1", 2, "web", null, lastSequence),
        JsonSerializer.SerializeToElement(new { }), [], logs, [], null);

    private static readonly Dictionary<string, object?> None = [];

    private static SequencedEvent Event(long sequence, ExecutionEvent e) => new(sequence, e);

    private static SequencedEvent Log(long sequence, string message) => new(sequence, new LogEvent(DateTimeOffset.UtcNow, "s1", "info", message));

    private static ExecutionEventsMessage Batch(ExecutionStatus status, params SequencedEvent[] events) => new(Guid.Empty, status, events.Max(e => e.Sequence), events);

    [Fact]
    public void Events_already_in_the_rest_state_are_not_applied_twice()
    {
        var view = ExecutionView.From(Detail(2, new LogLine(2, DateTimeOffset.UtcNow, "s1", "info", "first")));

        var outcome = view.Apply(Batch(ExecutionStatus.Running, Log(2, "first"), Log(3, "second")));

        Assert.Equal(ApplyOutcome.Applied, outcome);
        Assert.Equal(["first", "second"], view.Logs.Select(l => l.Message));
        Assert.Equal(3, view.LastSequence);
        Assert.Equal(ApplyOutcome.NothingNew, view.Apply(Batch(ExecutionStatus.Running, Log(3, "second"))));
    }

    [Fact]
    public void A_gap_in_sequences_asks_for_a_rest_resynchronisation()
    {
        var view = ExecutionView.From(Detail(1));

        Assert.Equal(ApplyOutcome.NeedsResync, view.Apply(Batch(ExecutionStatus.Running, Log(3, "later"))));
        Assert.Empty(view.Logs);
        Assert.Equal(1, view.LastSequence);
    }

    [Fact]
    public void Steps_turn_running_then_completed_and_nested_steps_are_indented()
    {
        var view = ExecutionView.From(Detail(0));

        var now = DateTimeOffset.UtcNow;
        view.Apply(Batch(ExecutionStatus.Completed,
            Event(1, new StepStartedEvent(now, "call", null, "call", "Call child", "playbook.run", 1, None)),
            Event(2, new StepStartedEvent(now, "call/greet", "call", "greet", "Greet", "utility.log", 1, None)),
            Event(3, new StepFinishedEvent(now, "call/greet", "call", "greet", StepStatus.Completed, None, null, TimeSpan.FromMilliseconds(12.5), 1)),
            Event(4, new ExecutionFinishedEvent(now, ExecutionStatus.Completed, null, TimeSpan.FromMilliseconds(20)))));

        Assert.Equal("running", view.Steps.Single(s => s.StepPath == "call").Status);
        var nested = view.Steps.Single(s => s.StepPath == "call/greet");
        Assert.Equal(("completed", 1, 12.5), (nested.Status, nested.Depth, nested.DurationMs));
        Assert.Equal("completed", view.Execution.Status);
        Assert.Equal(("Greet", "utility.log"), (nested.Name, nested.Type));
    }

    [Fact]
    public void A_debug_pause_shows_its_context_and_pauses_through_the_shared_status_rules()
    {
        var view = ExecutionView.From(Detail(0));
        var now = DateTimeOffset.UtcNow;

        view.Apply(Batch(ExecutionStatus.Paused,
            Event(1, new DebugPausedEvent(now, "s1", "step failed", "boom", new Dictionary<string, object?> { ["seconds"] = -1 }, None))));

        Assert.Equal("paused", view.Execution.Status);
        Assert.Equal("debug mode paused the execution", view.Execution.Reason);
        Assert.Equal("s1", JsonFields.String(view.DebugContext!.Value, "stepPath"));
        Assert.Equal(-1, view.DebugContext!.Value.GetProperty("parameters").GetProperty("seconds").GetInt32());
    }

    [Fact]
    public void A_final_status_is_not_left_for_a_late_running_event_and_unknown_kinds_only_advance_the_sequence()
    {
        var view = ExecutionView.From(Detail(0));
        var now = DateTimeOffset.UtcNow;

        // the batch says more follows (last sequence 4), so the view's own projection decides the status
        var outcome = view.Apply(new ExecutionEventsMessage(Guid.Empty, ExecutionStatus.Running, 4, [
            Event(1, new ExecutionFinishedEvent(now, ExecutionStatus.Completed, null, TimeSpan.Zero)),
            Event(2, new ExecutionEvent(now)),
            Event(3, new ExecutionStatusChangedEvent(now, ExecutionStatus.Running, null))]));

        Assert.Equal(ApplyOutcome.Applied, outcome);
        Assert.Equal(3, view.LastSequence);
        Assert.Equal("completed", view.Execution.Status);
    }

    [Fact]
    public void The_reconnect_back_off_grows_by_half_and_stops_at_thirty_seconds()
    {
        Assert.Equal(TimeSpan.FromSeconds(1), ReconnectBackoff.Delay(0));
        Assert.Equal(TimeSpan.FromSeconds(1.5), ReconnectBackoff.Delay(1));
        Assert.Equal(TimeSpan.FromSeconds(30), ReconnectBackoff.Delay(50));
        Assert.Equal("line 3, column 5", new Diagnostic("error", null, 3, 5, null, "x").Location);
        Assert.True(new ApiProblem(404, "Not Found", null, []).IsNotFound);
    }
}
