using System.Net;
using System.Text.Json.Nodes;
using IgnitionToolkit.Api.Tests.Credentials;
using IgnitionToolkit.Api.Tests.Infrastructure;

namespace IgnitionToolkit.Api.Tests.Auth;

/// <summary>The audit trail records who started, controlled or changed what, and is filtered and paged.</summary>
[Trait("Category", "Functional")]
public sealed class AuditTrailTests(VaultApiFixture api) : IClassFixture<VaultApiFixture>
{
    private static List<JsonNode> Items(JsonNode page) => page["items"]!.AsArray().Select(i => i!).ToList();

    [Fact]
    public async Task Starts_controls_playbook_edits_and_credential_changes_are_audited_and_filterable()
    {
        var from = DateTimeOffset.UtcNow.AddSeconds(-1);
        api.WritePlaybook("audit/hello.yaml", SamplePlaybooks.Hello());
        using var op = await api.CreateUserClientAsync("operator", "auditop");

        using (var start = await op.PostJsonAsync("/api/v1/executions", new { playbook = "audit/hello.yaml", parameters = new { greeting = "hi" } }))
            Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
        var id = Items(await op.GetJsonAsync("/api/v1/executions?pageSize=5")).First(e => e["playbook_path"]?.GetValue<string>() == "audit/hello.yaml")["id"]!.GetValue<string>();
        var execution = await op.GetJsonAsync($"/api/v1/executions/{id}");
        Assert.Equal("auditop", execution["execution"]!["started_by"]!.GetValue<string>());
        using (var cancel = await op.PostAsync($"/api/v1/executions/{id}/cancel", null)) Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        using (var edit = await op.PutJsonAsync("/api/v1/playbooks/audit/hello.yaml", new { yaml = SamplePlaybooks.Hello("Changed") }))
            Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        var secret = "audit-secret-" + Guid.NewGuid().ToString("N");
        using (var credential = await api.Client.PostJsonAsync("/api/v1/credentials", new
        { name = "audit-cred", kind = "generic_secret", fields = new Dictionary<string, string> { ["value"] = secret } }))
            Assert.Equal(HttpStatusCode.Created, credential.StatusCode);
        using (var failed = await op.PostJsonAsync("/api/v1/executions", new { playbook = "audit/missing.yaml" }))
            Assert.Equal(HttpStatusCode.NotFound, failed.StatusCode); // refused calls are not audited

        var byOperator = Items(await api.Client.GetJsonAsync("/api/v1/audit?user=auditop&pageSize=50"));
        Assert.Equal(["playbook.changed", "execution.cancel", "execution.started"],
            byOperator.Where(a => a["action"]!.GetValue<string>() != "login.succeeded").Select(a => a["action"]!.GetValue<string>()));
        var started = byOperator.Single(a => a["action"]!.GetValue<string>() == "execution.started");
        Assert.Equal(id, started["target_id"]!.GetValue<string>());
        Assert.Equal("execution", started["target_type"]!.GetValue<string>());
        Assert.Contains("audit/hello.yaml", started["detail"]!.GetValue<string>());
        Assert.Equal("audit/hello.yaml", byOperator.Single(a => a["action"]!.GetValue<string>() == "playbook.changed")["target_id"]!.GetValue<string>());

        var credentials = Items(await api.Client.GetJsonAsync("/api/v1/audit?targetType=credential"));
        var created = Assert.Single(credentials);
        Assert.Equal("credential.created", created["action"]!.GetValue<string>());
        Assert.Equal("admin", created["user"]!.GetValue<string>());
        Assert.Equal("audit-cred", created["target_id"]!.GetValue<string>());

        var executions = await api.Client.GetJsonAsync($"/api/v1/audit?action=execution.&from={Uri.EscapeDataString(from.ToString("O"))}&pageSize=1");
        Assert.Equal(2, executions["total_count"]!.GetValue<int>());
        Assert.Equal(2, executions["total_pages"]!.GetValue<int>());
        Assert.Single(Items(executions));
        var future = await api.Client.GetJsonAsync($"/api/v1/audit?from={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(1).ToString("O"))}");
        Assert.Equal(0, future["total_count"]!.GetValue<int>());

        var everything = (await api.Client.GetStringAsync("/api/v1/audit?pageSize=200"));
        Assert.DoesNotContain(secret, everything);
        Assert.DoesNotContain("user-password-1", everything);
    }

    [Fact]
    public async Task Disabling_a_playbook_and_user_changes_are_audited()
    {
        api.WritePlaybook("audit/toggle.yaml", SamplePlaybooks.Hello());
        var disabled = SamplePlaybooks.Hello().Replace("metadata:\n", "metadata:\n  enabled: false\n");
        using (var edit = await api.Client.PutJsonAsync("/api/v1/playbooks/audit/toggle.yaml", new { yaml = disabled }))
            Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        var toggles = Items(await api.Client.GetJsonAsync("/api/v1/audit?action=playbook.disabled"));
        Assert.Contains(toggles, a => a["target_id"]!.GetValue<string>() == "audit/toggle.yaml");

        using (await api.CreateUserClientAsync("viewer", "audited-user")) { }
        using (var deleted = await api.Client.DeleteAsync("/api/v1/users/audited-user")) Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        var users = Items(await api.Client.GetJsonAsync("/api/v1/audit?targetType=user&action=user."));
        Assert.Contains(users, a => a["action"]!.GetValue<string>() == "user.created" && a["target_id"]!.GetValue<string>() == "audited-user");
        Assert.Contains(users, a => a["action"]!.GetValue<string>() == "user.deleted" && a["target_id"]!.GetValue<string>() == "audited-user");
        using var badFilter = await api.Client.GetAsync("/api/v1/audit?page=0");
        Assert.Equal(HttpStatusCode.BadRequest, badFilter.StatusCode);
    }
}
