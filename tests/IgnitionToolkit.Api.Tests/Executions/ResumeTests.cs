using System.Net;
using System.Text.Json;
using IgnitionToolkit.Api.Tests.Infrastructure;
using IgnitionToolkit.Contracts;
using IgnitionToolkit.Contracts.Bus;
using IgnitionToolkit.Contracts.Events;

namespace IgnitionToolkit.Api.Tests.Executions;

[Trait("Category", "Functional")]
public sealed class SqliteResumeTests(ApiFixture api) : ResumeTests(api), IClassFixture<ApiFixture>;

[Trait("Category", "Functional")]
public sealed class PostgresResumeTests(PostgresApiFixture api) : ResumeTests(api), IClassFixture<PostgresApiFixture>;

/// <summary><c>POST /api/v1/executions/{id}/resume-from</c> on the real broker and database (SQLite and PostgreSQL): the
/// start step, the variables and outputs sent to the Runner, the link back, and the refusals when the playbook changed.</summary>
public abstract class ResumeTests(ApiFixture api)
{
    private const string ThreeSteps = """
        name: Three
        version: "1.0"
        parameters:
          - { name: greeting, type: string, required: true }
        steps:
          - id: first
            type: utility.set_variable
            parameters: { name: site, value: plant-a }
          - id: second
            type: utility.log
            parameters: { message: "{{ step.first.value }}" }
          - id: third
            type: utility.log
            parameters: { message: "{{ variable.site }}" }
        """;

    [Fact]
    public async Task A_failed_execution_resumes_at_the_first_step_that_did_not_complete_with_the_earlier_variables_and_outputs()
    {
        var path = $"resume/{Guid.NewGuid():N}.yaml";
        api.WritePlaybook(path, ThreeSteps);
        var id = await api.StartAsync(path, new { greeting = "hi" });
        await api.WaitForStartAsync(id);

        using (var running = await api.Client.PostJsonAsync($"/api/v1/executions/{id}/resume-from", new { }))
            await AssertProblemAsync(running, HttpStatusCode.Conflict, "only a failed, cancelled or interrupted execution can be resumed");

        await PublishRunAsync(id, reusedFrom: null);
        await api.WaitForStatusAsync(id, "failed");

        // Default: the first step that did not complete.
        var (resumedId, start) = await ResumeAsync(id, new { });
        Assert.Equal(new ExecutionResume(id, "third", start.Resume!.VariablesJson, start.Resume.StepOutputsJson), start.Resume);
        Assert.Equal("plant-a", JsonDocument.Parse(start.Resume.VariablesJson).RootElement.GetProperty("site").GetString());
        Assert.Equal(["first", "second"], start.Resume.StepOutputsJson.Keys.Order());
        Assert.Equal("plant-a", JsonDocument.Parse(start.Resume.StepOutputsJson["second"]).RootElement.GetProperty("message").GetString());
        Assert.Equal("hi", JsonDocument.Parse(start.ParametersJson).RootElement.GetProperty("greeting").GetString());
        var summary = (await api.GetExecutionAsync(resumedId))["execution"]!;
        Assert.Equal(id.ToString(), summary["resumed_from_id"]!.GetValue<string>());
        Assert.Equal("third", summary["resumed_at_step"]!.GetValue<string>());
        Assert.False(summary["resumed_automatically"]!.GetValue<bool>());

        // A chosen step; a nested step's path resumes at its parent step.
        var (_, second) = await ResumeAsync(id, new { step = "second" });
        Assert.Equal("second", second.Resume!.StartAtStepId);
        Assert.Equal(["first"], second.Resume.StepOutputsJson.Keys);
        var (_, nested) = await ResumeAsync(id, new { step = "second/inner" });
        Assert.Equal("second", nested.Resume!.StartAtStepId);

        // The resumed execution shows the reused steps as such, and can itself be resumed: before its own resume point
        // the variables and outputs come from the execution it reused them from.
        await PublishRunAsync(resumedId, reusedFrom: id);
        var detail = await api.WaitForStatusAsync(resumedId, "failed");
        var first = detail["steps"]!.AsArray().Single(s => s!["step_path"]!.GetValue<string>() == "first")!;
        Assert.Equal("skipped", first["status"]!.GetValue<string>());
        Assert.Equal($"reused from {id}", first["error"]!.GetValue<string>());
        var (_, again) = await ResumeAsync(resumedId, new { });
        Assert.Equal("third", again.Resume!.StartAtStepId);
        Assert.Equal(resumedId, again.Resume.ResumedFromId);
        Assert.Equal("plant-a", JsonDocument.Parse(again.Resume.VariablesJson).RootElement.GetProperty("site").GetString());
        var (_, earlier) = await ResumeAsync(resumedId, new { step = "second" });
        Assert.Equal(resumedId, earlier.Resume!.ResumedFromId);
        Assert.Equal("plant-a", JsonDocument.Parse(earlier.Resume.StepOutputsJson["first"]).RootElement.GetProperty("value").GetString());
    }

    [Fact]
    public async Task A_resume_is_refused_when_the_playbook_changed_so_the_step_or_its_inputs_no_longer_exist()
    {
        var path = $"resume/{Guid.NewGuid():N}.yaml";
        api.WritePlaybook(path, ThreeSteps);
        var id = await api.StartAsync(path, new { greeting = "hi" });
        await api.WaitForStartAsync(id);
        await PublishRunAsync(id, reusedFrom: null);
        await api.WaitForStatusAsync(id, "failed");

        using (var ghost = await api.Client.PostJsonAsync($"/api/v1/executions/{id}/resume-from", new { step = "ghost" }))
            await AssertProblemAsync(ghost, HttpStatusCode.Conflict, "step 'ghost' does not exist");

        api.WritePlaybook(path, ThreeSteps.Replace("id: first", "id: renamed").Replace("step.first.value", "step.renamed.value"));
        using (var renamed = await api.Client.PostJsonAsync($"/api/v1/executions/{id}/resume-from", new { step = "third" }))
            await AssertProblemAsync(renamed, HttpStatusCode.Conflict, "step 'renamed' (before 'third') did not run");

        api.WritePlaybook(path, ThreeSteps.Replace("id: third", "id: later"));
        using (var gone = await api.Client.PostJsonAsync($"/api/v1/executions/{id}/resume-from", new { step = "third" }))
            await AssertProblemAsync(gone, HttpStatusCode.Conflict, "step 'third' does not exist");

        api.WritePlaybook(path, ThreeSteps.Replace("type: utility.log\n    parameters: { message: \"{{ step.first.value }}\" }", "type: utility.wait\n    parameters: { seconds: 0 }"));
        using (var retyped = await api.Client.PostJsonAsync($"/api/v1/executions/{id}/resume-from", new { step = "third" }))
            await AssertProblemAsync(retyped, HttpStatusCode.Conflict, "is now a utility.wait step");

        using (var missing = await api.Client.PostJsonAsync($"/api/v1/executions/{Guid.NewGuid()}/resume-from", new { }))
            await AssertProblemAsync(missing, HttpStatusCode.NotFound, "does not exist");
    }

    /// <summary>first and second complete (second leaves variables), third fails; with <paramref name="reusedFrom"/>, as
    /// the engine reports a resume at third: first and second skipped as reused, the last one with the variables.</summary>
    private async Task PublishRunAsync(Guid id, Guid? reusedFrom)
    {
        var vars = new Dictionary<string, object?> { ["site"] = "plant-a" };
        var empty = new Dictionary<string, object?>();
        var (status, error, attempt) = reusedFrom is { } from ? ("skipped", $"reused from {from}", 0) : ("completed", (string?)null, 1);
        var events = new ExecutionEvent[]
        {
            Events.ExecutionStarted("Three", 3),
            Events.StepStarted("first", null, "first", "first", "utility.set_variable", attempt, empty),
            Events.StepFinished("first", null, "first", status, new Dictionary<string, object?> { ["name"] = "site", ["value"] = "plant-a" }, error, 1, attempt)
                with { Variables = reusedFrom is null ? vars : null },
            Events.StepStarted("second", null, "second", "second", "utility.log", attempt, empty),
            Events.StepFinished("second", null, "second", status, new Dictionary<string, object?> { ["message"] = "plant-a" }, error, 1, attempt) with { Variables = vars },
            Events.StepStarted("third", null, "third", "third", "utility.log", 1, empty),
            Events.StepFinished("third", null, "third", "failed", empty, "boom", 1, 1) with { Variables = vars },
            Events.ExecutionFinished("failed", "step 'third' failed: boom", 5),
        };
        await api.Runner.PublishBatchAsync(events.Select((e, i) => api.Runner.Event(id, i + 1, e)).ToList());
    }

    private async Task<(Guid Id, StartExecution Start)> ResumeAsync(Guid id, object body)
    {
        using var response = await api.Client.PostJsonAsync($"/api/v1/executions/{id}/resume-from", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"resume: {(int)response.StatusCode} {text}");
        var newId = JsonDocument.Parse(text).RootElement.GetProperty("id").GetGuid();
        return (newId, await api.WaitForStartAsync(newId));
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode expected, string detail)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains(detail, JsonDocument.Parse(text).RootElement.GetProperty("detail").GetString());
    }
}
