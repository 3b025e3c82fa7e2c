using System.Text.Json;
using IgnitionToolkit.Core.Execution;
using IgnitionToolkit.Contracts;
using IgnitionToolkit.Contracts.Bus;
using IgnitionToolkit.Contracts.Events;

namespace IgnitionToolkit.Runner.Tests.Unit;

/// <summary>The JSON shapes of the typed events the Runner publishes (Contracts, <see cref="ContractJson"/>): one per
/// event kind with its <c>kind</c> first, values JSON cannot carry turned into text rather than losing the event.</summary>
[Trait("Category", "Unit")]
public sealed class EventPayloadJsonTests
{
    private static readonly DateTimeOffset At = DateTimeOffset.Parse("2026-01-02T03:04:05Z", System.Globalization.CultureInfo.InvariantCulture);

    private static readonly Dictionary<string, object?> Values = new()
    {
        ["count"] = 3L, ["ratio"] = 0.5, ["on"] = true, ["list"] = new List<object?> { 1L, "x" }, ["odd"] = typeof(string),
        ["nan"] = double.NaN, ["kind"] = ExecutionStatus.Paused,
    };

    public static TheoryData<ExecutionEvent, string, string> Cases() => new()
    {
        { new ExecutionStartedEvent(At, "demo", 2), "execution_started", """{"kind":"execution_started","playbookName":"demo","stepCount":2,"timestamp":"2026-01-02T03:04:05+00:00"}""" },
        { new ExecutionStatusChangedEvent(At, ExecutionStatus.Paused, "by user"), "status_changed", """{"kind":"status_changed","status":"paused","reason":"by user","timestamp":"2026-01-02T03:04:05+00:00"}""" },
        {
            new StepStartedEvent(At, "call/inner", "call", "inner", "Inner", "utility.log", 2, Values), "step_started",
            """{"kind":"step_started","stepPath":"call/inner","parentPath":"call","stepId":"inner","stepName":"Inner","stepType":"utility.log","attempt":2,"parameters":{"count":3,"ratio":0.5,"on":true,"list":[1,"x"],"odd":"System.String","nan":"NaN","kind":"Paused"},"timestamp":"2026-01-02T03:04:05+00:00"}"""
        },
        {
            new StepFinishedEvent(At, "s", null, "s", StepStatus.Skipped, new Dictionary<string, object?> { ["out"] = 1L }, null, TimeSpan.FromMilliseconds(1500), 1), "step_finished",
            """{"kind":"step_finished","stepPath":"s","parentPath":null,"stepId":"s","status":"skipped","outputs":{"out":1},"error":null,"durationMs":1500,"attempt":1,"timestamp":"2026-01-02T03:04:05+00:00"}"""
        },
        {
            new StepFinishedEvent(At, "s", null, "s", StepStatus.Completed, new Dictionary<string, object?>(), null, TimeSpan.Zero, 1) { Variables = new Dictionary<string, object?> { ["site"] = "plant-a" } }, "step_finished",
            """{"kind":"step_finished","stepPath":"s","parentPath":null,"stepId":"s","status":"completed","outputs":{},"error":null,"durationMs":0,"attempt":1,"variables":{"site":"plant-a"},"timestamp":"2026-01-02T03:04:05+00:00"}"""
        },
        { new LogEvent(At, "s", "warning", "careful"), "log", """{"kind":"log","stepPath":"s","level":"warning","message":"careful","timestamp":"2026-01-02T03:04:05+00:00"}""" },
        {
            new DebugPausedEvent(At, "s", "failure", "boom", new Dictionary<string, object?>(), new Dictionary<string, object?> { ["v"] = "x" }), "debug_paused",
            """{"kind":"debug_paused","stepPath":"s","reason":"failure","error":"boom","parameters":{},"variables":{"v":"x"},"timestamp":"2026-01-02T03:04:05+00:00"}"""
        },
        {
            new ArtifactSavedEvent(At, "s", "shot.png", "image/png", 42, "abc", "/data/artifacts/x/shot.png"), "artifact_saved",
            """{"kind":"artifact_saved","stepPath":"s","name":"shot.png","contentType":"image/png","size":42,"sha256":"abc","path":"/data/artifacts/x/shot.png","timestamp":"2026-01-02T03:04:05+00:00"}"""
        },
        {
            new ExecutionFinishedEvent(At, ExecutionStatus.Cancelled, "runner shutting down", TimeSpan.FromSeconds(2)), "execution_finished",
            """{"kind":"execution_finished","status":"cancelled","error":"runner shutting down","durationMs":2000,"timestamp":"2026-01-02T03:04:05+00:00"}"""
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_event_kind_has_its_payload(ExecutionEvent engineEvent, string kind, string json)
    {
        var payload = ContractJson.SerializeEvent(engineEvent);

        Assert.Equal(kind, engineEvent.Kind);
        Assert.Equal(json, payload);
        Assert.Equal(engineEvent.GetType(), ContractJson.DeserializeEvent(payload).GetType());
    }

    [Fact]
    public void Payloads_read_back_with_json_values()
    {
        var payload = ContractJson.SerializeEvent(new StepFinishedEvent(At, "s", null, "s", StepStatus.Completed,
            new Dictionary<string, object?> { ["n"] = 2L, ["self"] = new Uri("http://gateway:8088"), ["record"] = new LogEvent(At, null, "info", "x") },
            null, TimeSpan.Zero, 1));

        var read = Assert.IsType<StepFinishedEvent>(ContractJson.DeserializeEvent(payload));

        Assert.Equal(2, Assert.IsType<JsonElement>(read.Outputs["n"]).GetInt64());
        Assert.Equal("http://gateway:8088", Assert.IsType<JsonElement>(read.Outputs["self"]).GetString());
        Assert.Equal("info", Assert.IsType<JsonElement>(read.Outputs["record"]).GetProperty("level").GetString());
    }

    [Fact]
    public void An_event_of_a_kind_this_build_does_not_know_reads_as_unknown_instead_of_failing()
    {
        var read = ContractJson.DeserializeEvent("""{"kind":"step_teleported","timestamp":"2026-01-02T03:04:05+00:00","where":"mars"}""");

        Assert.Equal(EventKinds.Unknown, read.Kind);
        Assert.Equal(At, read.Timestamp);
    }

    [Fact]
    public void A_batch_carries_its_events_in_order_with_their_sequences()
    {
        var execution = Guid.NewGuid();
        var events = Cases().Select((c, i) => new SequencedEvent(i + 7, (ExecutionEvent)c[0])).ToList();

        var batch = ExecutionEventBatch.Of(execution, "runner-1", events);
        var messages = batch.ToMessages().ToList();

        Assert.Equal(events.Select(e => e.Sequence), messages.Select(m => m.Sequence));
        Assert.Equal(events.Select(e => ContractJson.SerializeEvent(e.Event)), messages.Select(m => ContractJson.SerializeEvent(m.Event)));
        Assert.All(messages, m => Assert.Equal((execution, "runner-1"), (m.ExecutionId, m.RunnerId)));
        Assert.Empty(ExecutionEventBatch.Of(execution, "runner-1", []).ReadEvents());
        Assert.Throws<JsonException>(() => (batch with { Events = "{}"u8.ToArray() }).ReadEvents());
    }
}
