using System.Text.Json.Nodes;
using IgnitionToolkit.Core.Execution;
using IgnitionToolkit.Core.Messaging;

namespace IgnitionToolkit.Api.Tests;

/// <summary>The payload shapes the Runner writes and the API reads.</summary>
[Trait("Category", "Unit")]
public sealed class EventPayloadTests
{
    private static readonly DateTimeOffset T = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Step_finished_keeps_output_types_and_uses_wire_status_and_camel_case()
    {
        var (kind, json) = EventPayloadJson.FromEngineEvent(new StepFinishedEvent(T, "child/say", "child", "say", StepStatus.Completed,
            new Dictionary<string, object?> { ["count"] = 3, ["ok"] = true, ["items"] = new[] { "a" } }, null, TimeSpan.FromMilliseconds(1500), 2));
        Assert.Equal(EventKinds.StepFinished, kind);
        var node = JsonNode.Parse(json)!;
        Assert.Equal("completed", node["status"]!.GetValue<string>());
        Assert.Equal("child", node["parentPath"]!.GetValue<string>());
        Assert.Equal(1500, node["durationMs"]!.GetValue<double>());
        Assert.Equal(3, node["outputs"]!["count"]!.GetValue<int>());

        var back = EventPayloadJson.Deserialize<StepFinishedPayload>(json);
        Assert.Equal("child/say", back.StepPath);
        Assert.Equal(2, back.Attempt);
        Assert.Equal("3", back.Outputs["count"]!.ToString());
    }

    [Theory]
    [InlineData(ExecutionStatus.Interrupted, "interrupted")]
    [InlineData(ExecutionStatus.Cancelled, "cancelled")]
    public void Status_payloads_use_wire_names(ExecutionStatus status, string wire)
    {
        var (kind, json) = EventPayloadJson.FromEngineEvent(new ExecutionFinishedEvent(T, status, "boom", TimeSpan.FromSeconds(1)));
        Assert.Equal(EventKinds.ExecutionFinished, kind);
        var payload = EventPayloadJson.Deserialize<ExecutionFinishedPayload>(json);
        Assert.Equal(wire, payload.Status);
        Assert.Equal("boom", payload.Error);
        Assert.Equal(EventKinds.StatusChanged, EventPayloadJson.FromEngineEvent(new ExecutionStatusChangedEvent(T, status, null)).Kind);
    }

    [Fact]
    public void Every_engine_event_has_a_kind()
    {
        var empty = new Dictionary<string, object?>();
        EngineEvent[] events =
        [
            new ExecutionStartedEvent(T, "p", 1), new ExecutionStatusChangedEvent(T, ExecutionStatus.Paused, "r"),
            new StepStartedEvent(T, "s", null, "s", "S", "utility.log", 1, empty), new LogEvent(T, "s", "info", "m"),
            new DebugPausedEvent(T, "s", "breakpoint", null, empty, empty), new ArtifactSavedEvent(T, "s", "n", "text/plain", 1, "h", "/p"),
        ];
        Assert.Equal(
            [EventKinds.ExecutionStarted, EventKinds.StatusChanged, EventKinds.StepStarted, EventKinds.Log, EventKinds.DebugPaused, EventKinds.ArtifactSaved],
            events.Select(e => EventPayloadJson.FromEngineEvent(e).Kind));
    }
}
