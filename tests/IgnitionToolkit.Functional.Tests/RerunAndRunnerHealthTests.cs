using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IgnitionToolkit.Testing;

namespace IgnitionToolkit.Functional.Tests;

/// <summary>Edit-and-re-run of a failed step and the Runners' health, through the real API, RabbitMQ and Runner processes.</summary>
public class RerunAndRunnerHealthTests
{
    [Fact]
    public async Task A_failed_step_rerun_with_edited_parameters_completes_and_the_execution_finishes()
    {
        await using var stack = await ToolkitStack.StartAsync();
        await File.WriteAllTextAsync(Path.Combine(stack.Library, "debug", "rerun_demo.yaml"), TestPlaybooks.FailingWait);
        var id = await stack.StartExecutionAsync("debug/rerun_demo.yaml", debug: true);
        var paused = await stack.WaitForStatusAsync(id, "paused");
        Assert.Equal("failed", Step(paused, "nap")["status"]!.GetValue<string>());

        using (var invalid = await stack.Http.PostAsJsonAsync($"api/v1/executions/{id}/steps/nap/rerun", new { parameters = new { seconds = "soon" } }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
            Assert.Equal("parameters.seconds", JsonNode.Parse(await invalid.Content.ReadAsStringAsync())!["field"]!.GetValue<string>());
        }
        using (var accepted = await stack.Http.PostAsJsonAsync($"api/v1/executions/{id}/steps/nap/rerun", new { parameters = new { seconds = 0 } }))
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);

        var rerun = await stack.WaitForAsync(id, e => Step(e, "nap")["attempt"]!.GetValue<int>() == 2 && ToolkitStack.Status(e) == "paused"
            && Step(e, "nap")["status"]!.GetValue<string>() == "completed");
        Assert.Contains(rerun["logs"]!.AsArray(), l => l!["message"]!.GetValue<string>() == "re-running step 'nap' (edited seconds)");
        await stack.SendAsync(id, "resume");
        var done = await stack.WaitForStatusAsync(id, "completed");
        Assert.Equal("completed", Step(done, "done")["status"]!.GetValue<string>());

        using var late = await stack.Http.PostAsJsonAsync($"api/v1/executions/{id}/steps/nap/rerun", new { parameters = new { } });
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
    }

    [Fact]
    public async Task Health_reports_the_runners_healthy_while_one_runs_and_unhealthy_when_none()
    {
        await using var stack = await ToolkitStack.StartAsync(runners: 0);
        var none = await RunnersAsync(stack);
        Assert.Equal("Unhealthy", none["status"]!.GetValue<string>());
        Assert.Contains("no Runner has reported", none["description"]!.GetValue<string>());

        var runner = await stack.AddRunnerAsync();
        var up = await WaitRunnersAsync(stack, "Healthy");
        var listed = Assert.Single((await stack.Http.GetFromJsonAsync<JsonArray>("api/v1/runners"))!)!;
        Assert.Contains(listed["id"]!.GetValue<string>(), up["description"]!.GetValue<string>());
        Assert.True(listed["live"]!.GetValue<bool>());

        await runner.TerminateAsync(TimeSpan.FromSeconds(15));
        var gone = await WaitRunnersAsync(stack, "Unhealthy");
        Assert.Contains($"last was {listed["id"]!.GetValue<string>()}", gone["description"]!.GetValue<string>());
        Assert.Equal("Healthy", (await stack.Http.GetFromJsonAsync<JsonObject>("health"))!["status"]!.GetValue<string>());
    }

    private static JsonNode Step(JsonNode execution, string path) =>
        execution["steps"]!.AsArray().Single(s => s!["step_path"]!.GetValue<string>() == path)!;

    private static async Task<JsonNode> RunnersAsync(ToolkitStack stack)
    {
        using var response = await stack.Http.GetAsync("health");
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["components"]!["runners"]!;
    }

    private static Task<JsonNode> WaitRunnersAsync(ToolkitStack stack, string status) =>
        Wait.ForAsync<JsonNode>(async () => await RunnersAsync(stack), last => last!["status"]!.GetValue<string>() == status,
            $"runners health to become {status}", poll: TimeSpan.FromMilliseconds(200));
}
