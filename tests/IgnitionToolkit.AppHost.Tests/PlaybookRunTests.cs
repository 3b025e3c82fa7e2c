using System.Net.Http.Json;
using System.Text.Json;
using IgnitionToolkit.AppHost.Tests.Infrastructure;

namespace IgnitionToolkit.AppHost.Tests;

/// <summary>A playbook from the library goes API → RabbitMQ → Runner → API and is persisted with every step.</summary>
[Trait("Category", "Functional")]
[Collection(ToolkitAppCollection.Name)]
public sealed class PlaybookRunTests(ToolkitAppFixture fixture)
{
    private const string Playbook = "utility/hello_world.yaml";
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(60);
    private static readonly string[] FinalStatuses = ["completed", "failed", "cancelled", "interrupted"];

    [Fact]
    public async Task Hello_world_started_through_the_api_completes_with_every_step()
    {
        using var client = await fixture.CreateApiClientAsync();
        using var started = await client.PostAsJsonAsync("/api/v1/executions", new { playbook = Playbook, parameters = new { } });
        var body = await started.Content.ReadAsStringAsync();
        Assert.True(started.IsSuccessStatusCode, $"POST /api/v1/executions answered {(int)started.StatusCode}: {body}");
        var created = JsonDocument.Parse(body).RootElement;
        var id = created.Text("id", "executionId");
        Assert.False(string.IsNullOrEmpty(id), $"no execution id in {created}");

        var execution = await WaitForFinalStatusAsync(client, id!);

        Assert.Equal("completed", Status(execution));
        var steps = execution.Property("steps", "stepResults");
        Assert.True(steps is { ValueKind: JsonValueKind.Array } && steps.Value.GetArrayLength() > 0, $"no steps in {execution}");
        Assert.All(steps!.Value.EnumerateArray(), step =>
            Assert.Equal("completed", step.Text("status")?.ToLowerInvariant()));
    }

    /// <summary>The execution's status, from the detail's <c>execution</c> summary or from the top level.</summary>
    private static string? Status(JsonElement detail) =>
        (detail.Property("execution") is { ValueKind: JsonValueKind.Object } summary ? summary : detail)
            .Text("status")?.ToLowerInvariant();

    private static async Task<JsonElement> WaitForFinalStatusAsync(HttpClient client, string id)
    {
        using var timeout = new CancellationTokenSource(RunTimeout);
        JsonElement execution = default;
        while (!timeout.IsCancellationRequested)
        {
            execution = await client.GetFromJsonAsync<JsonElement>($"/api/v1/executions/{id}", timeout.Token);
            if (FinalStatuses.Contains(Status(execution)))
            {
                return execution;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(250), timeout.Token);
        }
        throw new TimeoutException($"execution {id} did not finish within {RunTimeout.TotalSeconds:0} s; last state: {execution}");
    }
}
