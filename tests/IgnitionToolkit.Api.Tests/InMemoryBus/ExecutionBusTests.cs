using System.Net;
using IgnitionToolkit.Api.Tests.Infrastructure;
using IgnitionToolkit.Core.Security;
using IgnitionToolkit.Contracts.Bus;

namespace IgnitionToolkit.Api.Tests.InMemoryBus;

/// <summary>The execution start and control path of the API on the in-memory bus: what a Runner would receive, and what
/// the API stores and answers — no broker needed.</summary>
[Trait("Category", "Unit")]
public sealed class ExecutionBusTests(HarnessApiFixture api) : IClassFixture<HarnessApiFixture>
{
    [Fact]
    public async Task Starting_an_execution_sends_one_start_command_to_the_executions_queue_and_stores_it_pending()
    {
        api.WritePlaybook("bus/hello.yaml", SamplePlaybooks.Hello());
        var id = await api.StartAsync("bus/hello.yaml", new { greeting = "hi there", count = 3 });

        var sent = await api.SentStartAsync(id);
        Assert.Equal(1, sent.Count);
        Assert.EndsWith("/" + BusEndpoints.ExecutionsQueue(api.Prefix), sent.Destination!.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal("bus/hello.yaml", sent.Message.PlaybookPath);
        Assert.Contains("Say hello", sent.Message.PlaybookYaml, StringComparison.Ordinal);
        Assert.Contains("\"hi there\"", sent.Message.ParametersJson, StringComparison.Ordinal);
        Assert.Null(sent.Message.EncryptedCredentials);
        var stored = await api.GetExecutionAsync(id);
        Assert.Equal("pending", stored["execution"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Cancelling_a_pending_execution_cancels_it_at_once_and_tells_the_runners()
    {
        api.WritePlaybook("bus/cancel.yaml", SamplePlaybooks.Hello());
        var id = await api.StartAsync("bus/cancel.yaml");

        using var response = await api.Client.PostAsync($"/api/v1/executions/{id}/cancel", null);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(["cancel"], api.PublishedControls(id).Select(c => c.Command));
        var stored = await api.GetExecutionAsync(id);
        Assert.Equal("cancelled", stored["execution"]!["status"]!.GetValue<string>());

        using var again = await api.Client.PostAsync($"/api/v1/executions/{id}/pause", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(["cancel"], api.PublishedControls(id).Select(c => c.Command)); // nothing published for a finished execution
    }

    [Fact]
    public async Task Control_commands_are_published_with_their_wire_names_and_an_unknown_one_is_refused()
    {
        api.WritePlaybook("bus/control.yaml", SamplePlaybooks.Hello());
        var id = await api.StartAsync("bus/control.yaml");

        foreach (var command in new[] { "pause", "resume", "skip", "skip-back" })
        {
            using var response = await api.Client.PostAsync($"/api/v1/executions/{id}/{command}", null);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }
        using var unknown = await api.Client.PostAsync($"/api/v1/executions/{id}/explode", null);

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(["pause", "resume", "skip", "skip_back"], api.PublishedControls(id).Select(c => c.Command));
    }

    [Fact]
    public async Task Credential_name_fills_the_gateway_parameters_through_the_plugin_binder_sealed_in_the_start_command()
    {
        api.CopyExamples("gateway");
        var password = "S3cret-" + Guid.NewGuid().ToString("N");
        using (var created = await api.Client.PostJsonAsync("/api/v1/credentials", new
        {
            name = "plant-bus", kind = "gateway_login",
            fields = new Dictionary<string, string> { ["username"] = "operator", ["password"] = password, ["gateway_url"] = "http://plant-bus:8088" },
        }))
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        using var response = await api.Client.PostJsonAsync("/api/v1/executions",
            new { playbook = "gateway/backup_and_restart.yaml", credential_name = "plant-bus" });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = Guid.Parse((await response.ReadJsonAsync())["id"]!.GetValue<string>());

        var start = (await api.SentStartAsync(id)).Message;
        Assert.DoesNotContain(password, start.ParametersJson, StringComparison.Ordinal);
        Assert.DoesNotContain("operator", start.ParametersJson, StringComparison.Ordinal); // filled parameters travel sealed only
        var bundle = new CredentialTransport(api.TransportKey).Open(start.EncryptedCredentials!, id);
        Assert.Equal(new Dictionary<string, string> { ["gateway_url"] = "http://plant-bus:8088", ["username"] = "operator", ["password"] = password },
            bundle.Parameters);
        var stored = await api.GetExecutionAsync(id);
        Assert.Equal("***", stored["parameters"]!["password"]!.GetValue<string>()); // secret field: stored masked
        Assert.Equal("operator", stored["parameters"]!["username"]!.GetValue<string>()); // plain field: stored as is
    }

    [Fact]
    public async Task Credential_name_of_a_kind_no_plugin_binds_is_a_validation_error_naming_the_field()
    {
        api.CopyExamples("gateway");
        using (var created = await api.Client.PostJsonAsync("/api/v1/credentials",
                   new { name = "bus-token", kind = "api_token", fields = new Dictionary<string, string> { ["token"] = "ci:abc" } }))
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        using var response = await api.Client.PostJsonAsync("/api/v1/executions",
            new { playbook = "gateway/backup_and_restart.yaml", credential_name = "bus-token" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var diagnostics = (await response.ReadJsonAsync())["diagnostics"]!.AsArray();
        Assert.Contains(diagnostics, d => d!["field"]!.GetValue<string>() == "credential_name"
            && d["message"]!.GetValue<string>() == "credential_name must name a gateway_login credential; 'bus-token' is a api_token");
    }
}
