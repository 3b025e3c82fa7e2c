using System.Net;
using System.Text.Json;
using IgnitionToolkit.Api.Tests.Credentials;
using IgnitionToolkit.Api.Tests.Infrastructure;
using IgnitionToolkit.Contracts.Events;
using IgnitionToolkit.Core.Security;
using IgnitionToolkit.Testing;

namespace IgnitionToolkit.Api.Tests.Executions;

/// <summary><c>POST /api/v1/executions/{id}/run-again</c> on the real broker and database: a new execution with the
/// same parameters, secrets never taken from the old run.</summary>
[Trait("Category", "Functional")]
public sealed class RunAgainTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task A_finished_execution_runs_again_with_its_parameters_but_not_its_secrets()
    {
        api.WritePlaybook("again/hello.yaml", SamplePlaybooks.Hello());
        var id = await api.StartAsync("again/hello.yaml", new { greeting = "hi again", count = 3, api_password = "p4ss-word" });
        await api.WaitForStartAsync(id);

        using (var running = await api.Client.PostJsonAsync($"/api/v1/executions/{id}/run-again", new { }))
            await AssertProblemAsync(running, HttpStatusCode.Conflict, "once it has finished");
        using (var missing = await api.Client.PostJsonAsync($"/api/v1/executions/{Guid.NewGuid()}/run-again", new { }))
            await AssertProblemAsync(missing, HttpStatusCode.NotFound, "does not exist");

        await api.Runner.PublishAsync(api.Runner.Event(id, 1, Events.ExecutionStarted("Hello", 2)));
        await api.Runner.PublishAsync(api.Runner.Event(id, 2, Events.ExecutionFinished("failed", "step 'say' failed", 10)));
        await api.WaitForStatusAsync(id, "failed");

        using var again = await api.Client.PostJsonAsync($"/api/v1/executions/{id}/run-again", new { });
        var body = await again.Content.ReadAsStringAsync();
        Assert.True(again.StatusCode == HttpStatusCode.Accepted, body);
        var newId = JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();
        Assert.NotEqual(id, newId);

        var start = await api.WaitForStartAsync(newId);
        var parameters = JsonDocument.Parse(start.ParametersJson).RootElement;
        Assert.Equal("hi again", parameters.GetProperty("greeting").GetString());
        Assert.Equal(3, parameters.GetProperty("count").GetInt32());
        Assert.False(parameters.TryGetProperty("api_password", out _), "a masked secret is not copied from the old run");
        var stored = await api.GetExecutionAsync(newId);
        Assert.Equal("again/hello.yaml", stored["execution"]!["playbook_path"]!.GetValue<string>());
        Assert.Equal("pending", stored["execution"]!["status"]!.GetValue<string>());

        // A secret given by hand is given again in the body.
        using var withSecret = await api.Client.PostJsonAsync($"/api/v1/executions/{id}/run-again", new { parameters = new { api_password = "n3w-pass" } });
        Assert.Equal(HttpStatusCode.Accepted, withSecret.StatusCode);
        var secretId = JsonDocument.Parse(await withSecret.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        Assert.Equal("n3w-pass", JsonDocument.Parse((await api.WaitForStartAsync(secretId)).ParametersJson).RootElement.GetProperty("api_password").GetString());

        // The audit trail names the new execution.
        await Wait.ForAsync(async () => await api.Client.GetJsonAsync("/api/v1/audit?action=execution.run_again"),
            a => a?["items"]?.AsArray().Any(i => i?["target_id"]?.GetValue<string>() == newId.ToString()) == true, "run again audited");
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode expected, string detail)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains(detail, JsonDocument.Parse(text).RootElement.GetProperty("detail").GetString());
    }
}

/// <summary>Run again resolves the credential again from the vault: a password changed since is the one sent.</summary>
[Trait("Category", "Functional")]
public sealed class RunAgainCredentialTests(VaultApiFixture api) : IClassFixture<VaultApiFixture>
{
    [Fact]
    public async Task Run_again_sends_the_credential_as_the_vault_holds_it_now()
    {
        api.CopyExamples("gateway");
        var first = VaultTestTools.NewSecret();
        using (var created = await api.Client.PostJsonAsync("/api/v1/credentials", new
        {
            name = "plant-b", kind = "gateway_login",
            fields = new Dictionary<string, string> { ["username"] = "operator", ["password"] = first, ["gateway_url"] = "http://plant-b:8088" },
        }))
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var started = await api.Client.PostJsonAsync("/api/v1/executions", new { playbook = "gateway/backup_and_restart.yaml", credential_name = "plant-b" });
        var id = JsonDocument.Parse(await started.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        await api.WaitForStartAsync(id);
        await api.Runner.PublishAsync(api.Runner.Event(id, 1, Events.ExecutionFinished("cancelled", "cancelled", 1)));
        await api.WaitForStatusAsync(id, "cancelled");

        var second = VaultTestTools.NewSecret();
        using (var changed = await api.Client.PutJsonAsync("/api/v1/credentials/plant-b", new
        {
            kind = "gateway_login",
            fields = new Dictionary<string, string> { ["username"] = "operator2", ["password"] = second, ["gateway_url"] = "http://plant-b2:8088" },
        }))
            Assert.True(changed.IsSuccessStatusCode, await changed.Content.ReadAsStringAsync());

        using var again = await api.Client.PostJsonAsync($"/api/v1/executions/{id}/run-again", new { });
        var body = await again.Content.ReadAsStringAsync();
        Assert.True(again.StatusCode == HttpStatusCode.Accepted, body);
        var newId = JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();
        var start = await api.WaitForStartAsync(newId);
        Assert.DoesNotContain(second, start.ParametersJson);
        var bundle = new CredentialTransport(api.TransportKey).Open(start.EncryptedCredentials!, newId);
        Assert.Equal(second, bundle.Parameters["password"]);
        Assert.Equal("operator2", bundle.Parameters["username"]);
        Assert.Equal("http://plant-b2:8088", bundle.Parameters["gateway_url"]);
    }
}
