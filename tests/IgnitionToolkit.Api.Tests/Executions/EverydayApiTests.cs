using System.Net;
using System.Text.Json;
using IgnitionToolkit.Api.Auth;
using IgnitionToolkit.Api.Tests.Credentials;
using IgnitionToolkit.Api.Tests.Infrastructure;
using IgnitionToolkit.Contracts.Events;
using IgnitionToolkit.Core.Security;
using IgnitionToolkit.Testing;

namespace IgnitionToolkit.Api.Tests.Executions;

[Trait("Category", "Functional")]
public sealed class SqliteEverydayApiTests(ApiFixture api) : EverydayApiTests(api), IClassFixture<ApiFixture>;

[Trait("Category", "Functional")]
public sealed class PostgresEverydayApiTests(PostgresApiFixture api) : EverydayApiTests(api), IClassFixture<PostgresApiFixture>;

/// <summary>Issue 13's everyday points on the API: per-run timeout overrides (stored by the migration
/// <c>RunTimeoutOverrides</c> of each provider) and bulk delete, on the real broker and database (SQLite and PostgreSQL).</summary>
public abstract class EverydayApiTests(ApiFixture api)
{
    [Fact]
    public async Task Timeout_overrides_travel_to_the_runner_are_kept_with_the_execution_and_by_run_again()
    {
        api.WritePlaybook("everyday/hello.yaml", SamplePlaybooks.Hello());
        using (var bad = await api.Client.PostJsonAsync("/api/v1/executions",
                   new { playbook = "everyday/hello.yaml", parameters = new { greeting = "hi" }, timeout_overrides = new Dictionary<string, double> { ["browser_operation"] = 10, ["gateway_restart"] = -1 } }))
        {
            var text = await bad.Content.ReadAsStringAsync();
            Assert.True(bad.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity, text);
            Assert.Contains("timeout_overrides.browser_operation", text, StringComparison.Ordinal);
            Assert.Contains("timeout_overrides.gateway_restart", text, StringComparison.Ordinal);
        }

        using var started = await api.Client.PostJsonAsync("/api/v1/executions",
            new { playbook = "everyday/hello.yaml", parameters = new { greeting = "hi" }, timeout_overrides = new Dictionary<string, double> { ["gateway_restart"] = 45, ["module_install"] = 900 } });
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var id = Guid.Parse((await started.ReadJsonAsync())["id"]!.GetValue<string>());
        var message = await api.WaitForStartAsync(id);
        Assert.Equal(45, message.TimeoutOverrides!["gateway_restart"]);
        Assert.Equal(900, message.TimeoutOverrides!["module_install"]);
        var stored = await api.GetExecutionAsync(id);
        Assert.Equal(45, stored["execution"]!["timeout_overrides"]!["gateway_restart"]!.GetValue<double>());

        await api.Runner.PublishAsync(api.Runner.Event(id, 1, Events.ExecutionStarted("Hello", 2)));
        await api.Runner.PublishAsync(api.Runner.Event(id, 2, Events.ExecutionFinished("failed", "step 'say' failed", 10)));
        await api.WaitForStatusAsync(id, "failed");
        using var again = await api.Client.PostJsonAsync($"/api/v1/executions/{id}/run-again", new { });
        var againId = JsonDocument.Parse(await again.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        Assert.Equal(45, (await api.WaitForStartAsync(againId)).TimeoutOverrides!["gateway_restart"]);
    }

    [Fact]
    public async Task Bulk_delete_removes_finished_executions_and_refuses_when_one_is_still_running()
    {
        api.WritePlaybook("everyday/bulk.yaml", SamplePlaybooks.Hello());
        var done = await api.StartAsync("everyday/bulk.yaml");
        var running = await api.StartAsync("everyday/bulk.yaml");
        await api.WaitForStartAsync(done);
        await api.WaitForStartAsync(running);
        await api.Runner.PublishAsync(api.Runner.Event(done, 1, Events.ExecutionStarted("Hello", 2)));
        await api.Runner.PublishAsync(api.Runner.Event(done, 2, Events.ExecutionFinished("completed", null, 10)));
        await api.WaitForStatusAsync(done, "completed");

        using (var refused = await api.Client.PostJsonAsync("/api/v1/executions/delete", new { ids = new[] { done, running } }))
        {
            var text = await refused.Content.ReadAsStringAsync();
            Assert.True(refused.StatusCode == HttpStatusCode.Conflict, text);
            Assert.Contains($"{running} is pending", text, StringComparison.Ordinal);
        }
        await api.GetExecutionAsync(done); // still there: nothing was deleted
        using (var empty = await api.Client.PostJsonAsync("/api/v1/executions/delete", new { ids = Array.Empty<Guid>() }))
            Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        using (var viewer = api.Authorize(api.CreateAnonymousClient(), Roles.Viewer, "watcher"))
        using (var forbidden = await viewer.PostJsonAsync("/api/v1/executions/delete", new { ids = new[] { done } }))
            Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);

        using var deleted = await api.Client.PostJsonAsync("/api/v1/executions/delete", new { ids = new[] { done } });
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Equal(1, (await deleted.ReadJsonAsync())["deleted"]!.GetValue<int>());
        using (var gone = await api.Client.GetAsync($"/api/v1/executions/{done}")) Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        await Wait.ForAsync(async () => await api.Client.GetJsonAsync("/api/v1/audit?action=execution.deleted_many"),
            a => a?["items"]?.AsArray().Any(i => i?["detail"]?.GetValue<string>().Contains(done.ToString(), StringComparison.Ordinal) == true) == true,
            "bulk delete audited");
        var actions = await api.Client.GetJsonAsync("/api/v1/audit/actions");
        Assert.Contains(actions.AsArray(), a => a!.GetValue<string>() == "execution.deleted_many");
    }
}

/// <summary>The global credential's rules on the API: the v2/v5 parameter names and credential parameters left empty.</summary>
[Trait("Category", "Functional")]
public sealed class GlobalCredentialApiTests(VaultApiFixture api) : IClassFixture<VaultApiFixture>
{
    [Fact]
    public async Task Credential_name_fills_the_v5_names_and_empty_credential_parameters_and_fills_says_which()
    {
        var password = VaultTestTools.NewSecret();
        using (var created = await api.Client.PostJsonAsync("/api/v1/credentials", new
        {
            name = "plant-v5", kind = "gateway_login",
            fields = new Dictionary<string, string> { ["username"] = "operator", ["password"] = password, ["gateway_url"] = "http://plant-v5:8088" },
        }))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }
        api.WritePlaybook("everyday/v5names.yaml", """
            name: V5 names
            version: "1.0"
            parameters:
              - { name: url, type: string, required: true }
              - { name: gateway_username, type: string, required: true }
              - { name: pass, type: string, required: true }
              - { name: login, type: credential, required: false }
              - { name: note, type: string, required: false }
            steps:
              - { id: say, type: utility.log, parameters: { message: "{{ parameter.gateway_username }}" } }
            """);

        var fills = await api.Client.GetJsonAsync("/api/v1/credentials/plant-v5/fills?playbook=everyday/v5names.yaml");
        var names = fills["parameters"]!.AsArray().ToDictionary(p => p!["name"]!.GetValue<string>(), p => p!["secret"]!.GetValue<bool>());
        Assert.Equal(["gateway_username", "login", "pass", "url"], names.Keys.Order(StringComparer.Ordinal));
        Assert.True(names["pass"]);
        Assert.False(names["url"]);
        using (var missing = await api.Client.GetAsync("/api/v1/credentials/nope/fills?playbook=everyday/v5names.yaml"))
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

        using var response = await api.Client.PostJsonAsync("/api/v1/executions",
            new { playbook = "everyday/v5names.yaml", credential_name = "plant-v5", parameters = new { url = "http://typed:8088" } });
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var id = Guid.Parse((await response.ReadJsonAsync())["id"]!.GetValue<string>());
        var start = await api.WaitForStartAsync(id);
        var bundle = new CredentialTransport(api.TransportKey).Open(start.EncryptedCredentials!, id);
        Assert.Equal(password, bundle.Parameters["pass"]);
        Assert.Equal("operator", bundle.Parameters["gateway_username"]);
        Assert.Equal("plant-v5", bundle.Parameters["login"]);
        Assert.False(bundle.Parameters.ContainsKey("url"), "a parameter given in the request is not overridden by the credential");
        Assert.Equal(password, bundle.Credentials["login"]["password"]);

        var stored = await api.Client.GetJsonAsync($"/api/v1/executions/{id}");
        Assert.Equal("***", stored["parameters"]!["pass"]!.GetValue<string>());
        Assert.Equal("operator", stored["parameters"]!["gateway_username"]!.GetValue<string>());
        Assert.Equal("http://typed:8088", stored["parameters"]!["url"]!.GetValue<string>());
    }
}
