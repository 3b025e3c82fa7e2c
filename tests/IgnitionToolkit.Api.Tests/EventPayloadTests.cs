using System.Text.Json.Nodes;
using IgnitionToolkit.Contracts;
using IgnitionToolkit.Contracts.Events;

namespace IgnitionToolkit.Api.Tests;

/// <summary>The event shapes the Runner writes and the API reads (typed events of the contracts, one JSON convention).</summary>
[Trait("Category", "Unit")]
public sealed class EventPayloadTests
{
    private static readonly DateTimeOffset T = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Step_finished_keeps_output_types_and_uses_wire_status_and_camel_case()
    {
        var json = ContractJson.SerializeEvent(new StepFinishedEvent(T, "child/say", "child", "say", StepStatus.Completed,
            new Dictionary<string, object?> { ["count"] = 3, ["ok"] = true, ["items"] = new[] { "a" } }, null, TimeSpan.FromMilliseconds(1500), 2));
        var node = JsonNode.Parse(json)!;
        Assert.Equal(EventKinds.StepFinished, node["kind"]!.GetValue<string>());
        Assert.Equal("completed", node["status"]!.GetValue<string>());
        Assert.Equal("child", node["parentPath"]!.GetValue<string>());
        Assert.Equal(1500, node["durationMs"]!.GetValue<double>());
        Assert.Equal(3, node["outputs"]!["count"]!.GetValue<int>());

        var back = Assert.IsType<StepFinishedEvent>(ContractJson.DeserializeEvent(json));
        Assert.Equal("child/say", back.StepPath);
        Assert.Equal(2, back.Attempt);
        Assert.Equal(StepStatus.Completed, back.Status);
        Assert.Equal(TimeSpan.FromMilliseconds(1500), back.Duration);
        Assert.Equal("3", back.Outputs["count"]!.ToString());
    }

    [Theory]
    [InlineData(ExecutionStatus.Interrupted, "interrupted")]
    [InlineData(ExecutionStatus.Cancelled, "cancelled")]
    public void Status_payloads_use_wire_names(ExecutionStatus status, string wire)
    {
        var json = ContractJson.SerializeEvent(new ExecutionFinishedEvent(T, status, "boom", TimeSpan.FromSeconds(1)));
        var node = JsonNode.Parse(json)!;
        Assert.Equal(EventKinds.ExecutionFinished, node["kind"]!.GetValue<string>());
        Assert.Equal(wire, node["status"]!.GetValue<string>());
        var payload = Assert.IsType<ExecutionFinishedEvent>(ContractJson.DeserializeEvent(json));
        Assert.Equal(status, payload.Status);
        Assert.Equal("boom", payload.Error);
        Assert.Equal(EventKinds.StatusChanged, new ExecutionStatusChangedEvent(T, status, null).Kind);
        Assert.Equal(wire, JsonNode.Parse(ContractJson.SerializeEvent(new ExecutionStatusChangedEvent(T, status, null)))!["status"]!.GetValue<string>());
    }

    [Fact]
    public void Every_engine_event_has_a_kind_that_round_trips()
    {
        var empty = new Dictionary<string, object?>();
        ExecutionEvent[] events =
        [
            new ExecutionStartedEvent(T, "p", 1), new ExecutionStatusChangedEvent(T, ExecutionStatus.Paused, "r"),
            new StepStartedEvent(T, "s", null, "s", "S", "utility.log", 1, empty), new LogEvent(T, "s", "info", "m"),
            new DebugPausedEvent(T, "s", "breakpoint", null, empty, empty), new ArtifactSavedEvent(T, "s", "n", "text/plain", 1, "h", "/p"),
        ];
        Assert.Equal(
            [EventKinds.ExecutionStarted, EventKinds.StatusChanged, EventKinds.StepStarted, EventKinds.Log, EventKinds.DebugPaused, EventKinds.ArtifactSaved],
            events.Select(e => e.Kind));
        Assert.Equal(events.Select(e => e.Kind), events.Select(e => ContractJson.DeserializeEvent(ContractJson.SerializeEvent(e)).Kind));
    }
}
