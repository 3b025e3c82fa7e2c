using System.Net;
using System.Text.Json.Nodes;
using IgnitionToolkit.Contracts.Events;
using IgnitionToolkit.Contracts.Bus;
using IgnitionToolkit.Testing;

namespace IgnitionToolkit.Api.Tests.Infrastructure;

/// <summary>Shared actions of the execution tests.</summary>
public static class ExecutionSteps
{
    public static async Task<Guid> StartAsync(this ApiFixture api, string playbook, object? parameters = null, bool debug = false)
    {
        using var response = await api.Client.PostJsonAsync("/api/v1/executions", new { playbook, parameters = parameters ?? new { greeting = "hi" }, debug_mode = debug });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"start failed: {(int)response.StatusCode} {body}");
        var id = JsonNode.Parse(body)!["id"]!.GetValue<Guid>();
        Assert.Equal($"/api/v1/executions/{id}", response.Headers.Location!.ToString());
        return id;
    }

    public static Task<JsonNode> GetExecutionAsync(this ApiFixture api, Guid id) => api.Client.GetJsonAsync($"/api/v1/executions/{id}");

    public static Task<JsonNode> WaitForStatusAsync(this ApiFixture api, Guid id, string status, TimeSpan? timeout = null) =>
        Wait.ForAsync(async () => await api.GetExecutionAsync(id),
            e => e?["execution"]?["status"]?.GetValue<string>() == status, $"execution {id} to be {status}", timeout);

    public static Task<StartExecution> WaitForStartAsync(this ApiFixture api, Guid id) =>
        Wait.ForAsync(() => api.Runner.Starts.FirstOrDefault(s => s.ExecutionId == id), s => s is not null, $"StartExecution {id}");

    public static Task<ControlExecution> WaitForControlAsync(this ApiFixture api, Guid id, string command) =>
        Wait.ForAsync(() => api.Runner.Controls.FirstOrDefault(c => c.ExecutionId == id && c.Command == command),
            c => c is not null, $"ControlExecution {command} for {id}");

    /// <summary>A run of a parent playbook with one nested step, as a Runner reports it (fixed timestamps).</summary>
    public static IReadOnlyList<ExecutionEventMessage> NestedRun(FakeRunner runner, Guid id)
    {
        var t0 = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
        var events = new ExecutionEvent[]
        {
            Events.ExecutionStarted("Parent", 1),
            (Events.StepStarted("run_child", null, "run_child", "Run the child", "playbook.run", 1, new Dictionary<string, object?> { ["playbook"] = "child.yaml" })),
            Events.Log("run_child", "info", "starting child"),
            (Events.StepStarted("run_child/say", "run_child", "say", "Say hello", "utility.log", 1, new Dictionary<string, object?>())),
            Events.StepFinished("run_child/say", "run_child", "say", "completed", new Dictionary<string, object?> { ["message"] = "hi", ["count"] = 3 }, null, 12.5, 1),
            (Events.StepFinished("run_child", null, "run_child", "completed", new Dictionary<string, object?> { ["status"] = "completed" }, null, 40, 1)),
            Events.ArtifactSaved("run_child/say", "out.txt", "text/plain", 5, new string('a', 64), "/tmp/out.txt"),
            (Events.ExecutionFinished("completed", null, 55)),
        };
        return events.Select((e, i) => runner.Event(id, i + 1, e with { Timestamp = t0.AddMilliseconds(i) })).ToList();
    }
}
