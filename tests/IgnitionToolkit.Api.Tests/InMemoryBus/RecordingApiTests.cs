using System.Net;
using IgnitionToolkit.Api.Persistence;
using IgnitionToolkit.Api.Persistence.Entities;
using IgnitionToolkit.Api.Tests.Infrastructure;
using IgnitionToolkit.Contracts;
using IgnitionToolkit.Contracts.Events;
using IgnitionToolkit.Core.Execution.Status;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IgnitionToolkit.Api.Tests.InMemoryBus;

/// <summary>The recorder's API: a recording is an execution of the recorder playbook, its live view takes input while it
/// runs, stop reaches its Runner as <c>stop_recording</c>, and its draft is validated and saved under <c>drafts/</c>.</summary>
[Trait("Category", "Unit")]
public sealed class RecordingApiTests(HarnessApiFixture api) : IClassFixture<HarnessApiFixture>
{
    private const string Draft = """
        name: Recorded
        version: "1.0"
        parameters:
          - { name: gateway_url, type: string, required: true, default: "http://gw:8088" }
        steps:
          - { id: open, type: perspective.navigate, parameters: { gateway_url: "{{ parameter.gateway_url }}", url: /data/perspective/client/Demo_HMI } }
          - { id: click_1, type: perspective.click, parameters: { component_path: "C:1" } }
        """;

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ftp://gw/x")]
    [InlineData("not a url")]
    public async Task A_recording_needs_an_http_url(string? url)
    {
        using var response = await api.Client.PostJsonAsync("/api/v1/recordings", new { url });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("url", (await response.ReadJsonAsync())["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_recording_runs_the_recorder_takes_live_view_input_stops_and_saves_its_draft()
    {
        using var started = await api.Client.PostJsonAsync("/api/v1/recordings", new { url = "http://gw:8088/data/perspective/client/Demo_HMI", name = "Setpoint" });
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var id = Guid.Parse((await started.ReadJsonAsync())["id"]!.GetValue<string>());
        var sent = await api.SentStartAsync(id);
        Assert.Equal("drafts/recorder.yaml", sent.Message.PlaybookPath);
        Assert.Contains("perspective.record", sent.Message.PlaybookYaml, StringComparison.Ordinal);
        Assert.Contains("http://gw:8088/data/perspective/client/Demo_HMI", sent.Message.ParametersJson, StringComparison.Ordinal);

        using (var early = await api.Client.PostAsync($"/api/v1/recordings/{id}/stop", null))
            Assert.Equal(HttpStatusCode.Conflict, early.StatusCode); // pending: nothing records yet
        await SeedAsync(id, ExecutionStatus.Running, draft: null);
        using (var click = await api.Client.PostJsonAsync($"/api/v1/executions/{id}/live-view/input", new { kind = "click", x = 0.5, y = 0.5 }))
            Assert.Equal(HttpStatusCode.Accepted, click.StatusCode); // not paused, not debug: a running recording takes input
        using (var smuggled = await api.Client.PostJsonAsync($"/api/v1/executions/{id}/live-view/input", new { kind = "stop_recording" }))
            Assert.Equal(HttpStatusCode.BadRequest, smuggled.StatusCode);
        using (var notYet = await api.Client.PostAsync($"/api/v1/recordings/{id}/draft", null))
            Assert.Equal(HttpStatusCode.Conflict, notYet.StatusCode);
        using (var stop = await api.Client.PostAsync($"/api/v1/recordings/{id}/stop", null))
            Assert.Equal(HttpStatusCode.Accepted, stop.StatusCode);
        Assert.Equal(["click", "stop_recording"], api.PublishedControls(id).Select(c => c.Input!.Kind));

        await SeedAsync(id, ExecutionStatus.Completed, Draft);
        using var saved = await api.Client.PostAsync($"/api/v1/recordings/{id}/draft", null);
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        var path = (await saved.ReadJsonAsync())["summary"]!["path"]!.GetValue<string>();
        Assert.StartsWith("drafts/recorded-", path, StringComparison.Ordinal);
        Assert.Equal(Draft, await File.ReadAllTextAsync(Path.Combine(api.PlaybooksDirectory, path)));
        using (var twice = await api.Client.PostAsync($"/api/v1/recordings/{id}/draft", null))
            Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        var audit = await api.Client.GetJsonAsync($"/api/v1/audit?action=playbook.recorded&targetId={Uri.EscapeDataString(path)}");
        Assert.Single(audit["items"]!.AsArray());
    }

    [Fact]
    public async Task An_ordinary_execution_is_no_recording()
    {
        api.WritePlaybook("bus/not-a-recording.yaml", SamplePlaybooks.Hello());
        var id = await api.StartAsync("bus/not-a-recording.yaml");
        using var stop = await api.Client.PostAsync($"/api/v1/recordings/{id}/stop", null);
        Assert.Equal(HttpStatusCode.NotFound, stop.StatusCode);
        using var draft = await api.Client.PostAsync($"/api/v1/recordings/{Guid.NewGuid()}/draft", null);
        Assert.Equal(HttpStatusCode.NotFound, draft.StatusCode);
    }

    /// <summary>What the Runner's events would have stored: the execution's status and its record step's draft.</summary>
    private async Task SeedAsync(Guid id, ExecutionStatus status, string? draft)
    {
        await using var scope = api.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ToolkitDbContext>();
        var execution = await db.Executions.SingleAsync(e => e.Id == id);
        if (execution.Status == ExecutionStatus.Pending) StatusMachine.TryMove(execution, ExecutionStatus.Running, DateTimeOffset.UtcNow);
        if (status != ExecutionStatus.Running) StatusMachine.TryMove(execution, status, DateTimeOffset.UtcNow);
        if (draft is not null)
            db.StepResults.Add(new StepResultRecord
            {
                ExecutionId = id, StepPath = "record", StepId = "record", Name = "Record", Type = "perspective.record",
                OutputsJson = ContractJson.Serialize(new Dictionary<string, object?> { ["draft"] = draft, ["steps"] = 1 }),
            }.InStatus("completed"));
        await db.SaveChangesAsync();
    }
}
