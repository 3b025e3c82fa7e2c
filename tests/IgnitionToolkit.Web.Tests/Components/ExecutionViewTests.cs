using System.Text.Json;
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

    private static LiveEvent Event(long sequence, string kind, object payload) =>
        new(sequence, kind, DateTimeOffset.UtcNow, JsonSerializer.SerializeToElement(payload, new JsonSerializerOptions(JsonSerializerDefaults.Web)));

    private static ExecutionEvents Batch(string status, params LiveEvent[] events) => new(Guid.Empty, status, events.Max(e => e.Sequence), events);

    [Fact]
    public void Events_already_in_the_rest_state_are_not_applied_twice()
    {
        var view = ExecutionView.From(Detail(2, new LogLine(2, DateTimeOffset.UtcNow, "s1", "info", "first")));

        var outcome = view.Apply(Batch("running", Event(2, "log", new { stepPath = "s1", level = "info", message = "first" }),
            Event(3, "log", new { stepPath = "s1", level = "info", message = "second" })));

        Assert.Equal(ApplyOutcome.Applied, outcome);
        Assert.Equal(["first", "second"], view.Logs.Select(l => l.Message));
        Assert.Equal(3, view.LastSequence);
        Assert.Equal(ApplyOutcome.NothingNew, view.Apply(Batch("running", Event(3, "log", new { message = "second" }))));
    }

    [Fact]
    public void A_gap_in_sequences_asks_for_a_rest_resynchronisation()
    {
        var view = ExecutionView.From(Detail(1));

        Assert.Equal(ApplyOutcome.NeedsResync, view.Apply(Batch("running", Event(3, "log", new { message = "later" }))));
        Assert.Empty(view.Logs);
        Assert.Equal(1, view.LastSequence);
    }

    [Fact]
    public void Steps_turn_running_then_completed_and_nested_steps_are_indented()
    {
        var view = ExecutionView.From(Detail(0));

        view.Apply(Batch("completed",
            Event(1, "step_started", new { stepPath = "call", stepId = "call", stepName = "Call child", stepType = "playbook.run", attempt = 1 }),
            Event(2, "step_started", new { stepPath = "call/greet", parentPath = "call", stepId = "greet", stepName = "Greet", stepType = "utility.log", attempt = 1 }),
            Event(3, "step_finished", new { stepPath = "call/greet", parentPath = "call", stepId = "greet", status = "completed", durationMs = 12.5, outputs = new { } }),
            Event(4, "execution_finished", new { status = "completed", durationMs = 20 })));

        Assert.Equal("running", view.Steps.Single(s => s.StepPath == "call").Status);
        var nested = view.Steps.Single(s => s.StepPath == "call/greet");
        Assert.Equal(("completed", 1, 12.5), (nested.Status, nested.Depth, nested.DurationMs));
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
