using System.Net;
using System.Text.Json;
using IgnitionToolkit.Api.Tests.Infrastructure;
using IgnitionToolkit.Contracts.Events;
using IgnitionToolkit.Testing;

namespace IgnitionToolkit.Api.Tests;

/// <summary><c>POST /api/v1/executions/{id}/steps/{stepPath}/rerun</c>: status codes and the command sent to the Runner.</summary>
[Trait("Category", "Functional")]
public sealed class StepRerunTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Rerun_answers_404_409_400_and_202_and_sends_the_edited_parameters()
    {
        api.WritePlaybook("rerun/hello.yaml", SamplePlaybooks.Hello());
        var id = await api.StartAsync("rerun/hello.yaml", debug: true);
        var seq = 0L;
        async Task Send(ExecutionEvent e) => await api.Runner.PublishAsync(api.Runner.Event(id, ++seq, e));
        await Send(Events.ExecutionStarted("Hello", 2));
        await Send(Events.StepStarted("nap", null, "nap", "Nap", "utility.wait", 1, new Dictionary<string, object?> { ["seconds"] = -1 }));
        await Send(Events.StepStarted("call/inner", "call", "inner", "Inner", "utility.log", 1, new Dictionary<string, object?> { ["message"] = "x" }));
        await api.WaitForStatusAsync(id, "running");
        await Wait.ForAsync(async () => await api.GetExecutionAsync(id), e => e?["steps"]?.AsArray().Count == 2, "two step rows");

        await AssertProblemAsync($"/api/v1/executions/{Guid.NewGuid()}/steps/nap/rerun", new { parameters = new { seconds = 0 } }, HttpStatusCode.NotFound, "does not exist");
        await AssertProblemAsync($"/api/v1/executions/{id}/steps/ghost/rerun", new { parameters = new { } }, HttpStatusCode.NotFound, "step 'ghost' has not run");
        await AssertProblemAsync($"/api/v1/executions/{id}/steps/nap/rerun", new { parameters = new { seconds = 0 } }, HttpStatusCode.Conflict, "only be re-run while the execution is paused");

        await Send(Events.StepFinished("nap", null, "nap", "failed", new Dictionary<string, object?>(), "seconds: must be zero or more", 1, 1));
        await Send(Events.DebugPaused("nap", "step failed", "seconds: must be zero or more", new Dictionary<string, object?> { ["seconds"] = -1 }, new Dictionary<string, object?>()));
        await api.WaitForStatusAsync(id, "paused");

        var typed = await AssertProblemAsync($"/api/v1/executions/{id}/steps/nap/rerun", new { parameters = new { seconds = "soon" } }, HttpStatusCode.BadRequest, "parameter 'seconds' must be a number");
        Assert.Equal("parameters.seconds", typed.GetProperty("field").GetString());
        var unknown = await AssertProblemAsync($"/api/v1/executions/{id}/steps/nap/rerun", new { parameters = new { delay = 1 } }, HttpStatusCode.BadRequest, "'delay' is not a parameter of step type utility.wait");
        Assert.Equal("parameters.delay", unknown.GetProperty("field").GetString());
        await AssertProblemAsync($"/api/v1/executions/{id}/steps/nap/rerun", new { parameters = new[] { 1 } }, HttpStatusCode.BadRequest, "must be a JSON object");

        using (var accepted = await api.Client.PostJsonAsync($"/api/v1/executions/{id}/steps/nap/rerun", new { parameters = new { seconds = 0 } }))
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var rerun = await api.WaitForControlAsync(id, "rerun");
        Assert.Equal("nap", rerun.StepPath);
        Assert.Equal(0, JsonDocument.Parse(rerun.ParametersJson!).RootElement.GetProperty("seconds").GetInt32());

        using (var nested = await api.Client.PostJsonAsync($"/api/v1/executions/{id}/steps/call%2Finner/rerun", new { parameters = new { message = "{{ parameter.greeting }}" } }))
            Assert.Equal(HttpStatusCode.Accepted, nested.StatusCode);
        await Wait.ForAsync(() => api.Runner.Controls.FirstOrDefault(c => c.ExecutionId == id && c.StepPath == "call/inner"), c => c is not null, "nested rerun");

        // Without the bus transport key an edited secret cannot be sent, and is not sent in clear text.
        await Send(Events.StepStarted("login", null, "login", "Login", "gateway.login", 1, new Dictionary<string, object?>()));
        await Wait.ForAsync(async () => await api.GetExecutionAsync(id), e => e?["steps"]?.AsArray().Count == 3, "login row");
        await AssertProblemAsync($"/api/v1/executions/{id}/steps/login/rerun", new { parameters = new { password = "n3w-pass" } }, HttpStatusCode.ServiceUnavailable, "include secrets (password)");
    }

    private async Task<JsonElement> AssertProblemAsync(string url, object body, HttpStatusCode expected, string detail)
    {
        using var response = await api.Client.PostJsonAsync(url, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{url}: expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.Contains(detail, problem.GetProperty("detail").GetString());
        return problem;
    }
}

/// <summary>Edited secrets travel sealed with the transport key, never in clear text on the bus.</summary>
[Trait("Category", "Functional")]
public sealed class SecretStepRerunTests(IgnitionToolkit.Api.Tests.Credentials.VaultApiFixture api) : IClassFixture<IgnitionToolkit.Api.Tests.Credentials.VaultApiFixture>
{
    [Fact]
    public async Task Edited_secret_parameters_are_sealed_in_the_rerun_command()
    {
        api.WritePlaybook("rerun/secret.yaml", SamplePlaybooks.Hello());
        var id = await api.StartAsync("rerun/secret.yaml", debug: true);
        var seq = 0L;
        async Task Send(ExecutionEvent e) => await api.Runner.PublishAsync(api.Runner.Event(id, ++seq, e));
        await Send(Events.ExecutionStarted("Hello", 1));
        await Send(Events.StepStarted("login", null, "login", "Login", "gateway.login", 1, new Dictionary<string, object?> { ["password"] = "***" }));
        await Send(Events.DebugPaused("login", "step failed", "refused", new Dictionary<string, object?>(), new Dictionary<string, object?>()));
        await api.WaitForStatusAsync(id, "paused");
        var secret = IgnitionToolkit.Api.Tests.Credentials.VaultTestTools.NewSecret();

        using (var accepted = await api.Client.PostJsonAsync($"/api/v1/executions/{id}/steps/login/rerun", new { parameters = new { username = "admin", password = secret } }))
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);

        var rerun = await api.WaitForControlAsync(id, "rerun");
        Assert.DoesNotContain(secret, rerun.ParametersJson!, StringComparison.Ordinal);
        Assert.Equal("admin", JsonDocument.Parse(rerun.ParametersJson!).RootElement.GetProperty("username").GetString());
        var opened = new IgnitionToolkit.Core.Security.CredentialTransport(api.TransportKey).Open(rerun.EncryptedParameters!, id);
        Assert.Equal(secret, opened.Parameters["password"]);
    }
}
