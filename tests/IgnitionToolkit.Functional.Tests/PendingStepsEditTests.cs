using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IgnitionToolkit.Testing;

namespace IgnitionToolkit.Functional.Tests;

/// <summary>Edit while paused through the real API, RabbitMQ and Runner processes: the edited steps not yet run replace
/// the pending ones and run on resume.</summary>
public class PendingStepsEditTests
{
    [Fact]
    public async Task A_paused_execution_edited_through_the_api_runs_the_new_step()
    {
        await using var stack = await ToolkitStack.StartAsync();
        await File.WriteAllTextAsync(Path.Combine(stack.Library, "debug", "edit_demo.yaml"), TestPlaybooks.FailingWait);
        var id = await stack.StartExecutionAsync("debug/edit_demo.yaml", debug: true);
        await stack.WaitForStatusAsync(id, "paused"); // debug mode paused at the failed step 'nap'

        var pending = (await stack.Http.GetFromJsonAsync<JsonObject>($"api/v1/executions/{id}/pending-steps"))!;
        Assert.Equal(0, pending["from_index"]!.GetValue<int>());
        Assert.StartsWith("- id: nap", pending["yaml"]!.GetValue<string>(), StringComparison.Ordinal);

        using (var invalid = await stack.Http.PutAsJsonAsync($"api/v1/executions/{id}/pending-steps",
            new { yaml = "- id: nap\n  type: utility.wait\n  parameters:\n    seconds: 0\n- id: extra\n  type: utility.nonsense\n", from_index = 0 }))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid.StatusCode);
            var diagnostic = JsonNode.Parse(await invalid.Content.ReadAsStringAsync())!["diagnostics"]!.AsArray()[0]!;
            Assert.Equal(("pending steps", 6), (diagnostic["file"]!.GetValue<string>(), diagnostic["line"]!.GetValue<int>()));
        }
        const string Edited = """
            - id: nap
              type: utility.wait
              parameters:
                seconds: 0
            - id: added
              type: utility.log
              parameters:
                message: added while paused
            """;
        using (var accepted = await stack.Http.PutAsJsonAsync($"api/v1/executions/{id}/pending-steps", new { yaml = Edited, from_index = 0 }))
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);

        var edited = await stack.WaitForAsync(id, e => e["logs"]!.AsArray().Any(l => l!["message"]!.GetValue<string>().Contains("edited by", StringComparison.Ordinal)));
        Assert.Equal("paused", ToolkitStack.Status(edited)); // the edit does not resume
        Assert.Equal(2, edited["execution"]!["step_count"]!.GetValue<int>());
        await stack.SendAsync(id, "resume");
        var afterNap = await stack.WaitForAsync(id, e => ToolkitStack.Status(e) == "paused" &&
            e["steps"]!.AsArray().Any(s => s!["step_path"]!.GetValue<string>() == "nap" && s["status"]!.GetValue<string>() == "completed"));
        Assert.NotNull(afterNap);
        await stack.SendAsync(id, "resume");
        var done = await stack.WaitForStatusAsync(id, "completed");

        var steps = done["steps"]!.AsArray().Select(s => s!["step_path"]!.GetValue<string>()).ToList();
        Assert.Contains("added", steps);
        Assert.DoesNotContain("done", steps);
        using var late = await stack.Http.PutAsJsonAsync($"api/v1/executions/{id}/pending-steps", new { yaml = Edited, from_index = 0 });
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
    }
}
