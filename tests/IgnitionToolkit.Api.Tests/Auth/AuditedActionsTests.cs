using System.Net;
using System.Text.Json.Nodes;
using IgnitionToolkit.Api.Tests.Infrastructure;

namespace IgnitionToolkit.Api.Tests.Auth;

/// <summary>The audited actions not covered by <see cref="AuditTrailTests"/>, each with the target a user filters by
/// (own fixture: these entries must not disturb that class's counts).</summary>
[Trait("Category", "Functional")]
public sealed class AuditedActionsTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static List<JsonNode> Items(JsonNode page) => page["items"]!.AsArray().Select(i => i!).ToList();

    [Fact]
    public async Task Creating_importing_enabling_deleting_and_password_changes_are_audited_with_their_targets()
    {
        var name = Guid.NewGuid().ToString("N")[..8];
        var created = $"audit/new-{name}.yaml";
        using (var create = await api.Client.PostJsonAsync("/api/v1/playbooks", new { path = created, yaml = SamplePlaybooks.Hello() }))
            Assert.Equal(HttpStatusCode.Created, create.StatusCode);
        using (var import = await api.Client.PostJsonAsync($"/api/v1/playbooks", new { path = $"imported/{name}.yaml", yaml = SamplePlaybooks.Hello() }))
            Assert.Equal(HttpStatusCode.Created, import.StatusCode);
        var disabled = SamplePlaybooks.Hello().Replace("metadata:\n", "metadata:\n  enabled: false\n");
        using (var off = await api.Client.PutJsonAsync($"/api/v1/playbooks/{created}", new { yaml = disabled })) Assert.Equal(HttpStatusCode.OK, off.StatusCode);
        using (var on = await api.Client.PutJsonAsync($"/api/v1/playbooks/{created}", new { yaml = SamplePlaybooks.Hello() })) Assert.Equal(HttpStatusCode.OK, on.StatusCode);
        using (var delete = await api.Client.DeleteAsync($"/api/v1/playbooks/{created}")) Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.Equal(["playbook.deleted", "playbook.enabled", "playbook.disabled", "playbook.created"],
            Items(await api.Client.GetJsonAsync($"/api/v1/audit?targetId={Uri.EscapeDataString(created)}")).Select(a => a["action"]!.GetValue<string>()));
        Assert.Equal("playbook.imported", Assert.Single(Items(await api.Client.GetJsonAsync($"/api/v1/audit?targetId=imported/{name}.yaml")))["action"]!.GetValue<string>());

        var credential = $"cred-{name}";
        using (var add = await api.Client.PostJsonAsync("/api/v1/credentials", new { name = credential, kind = "generic_secret", fields = new Dictionary<string, string> { ["value"] = "v" } }))
            Assert.Equal(HttpStatusCode.Created, add.StatusCode);
        using (var change = await api.Client.PutJsonAsync($"/api/v1/credentials/{credential}", new { description = "changed" })) Assert.Equal(HttpStatusCode.OK, change.StatusCode);
        using (var remove = await api.Client.DeleteAsync($"/api/v1/credentials/{credential}")) Assert.Equal(HttpStatusCode.NoContent, remove.StatusCode);
        Assert.Equal(["credential.deleted", "credential.changed", "credential.created"],
            Items(await api.Client.GetJsonAsync($"/api/v1/audit?targetId={credential}")).Select(a => a["action"]!.GetValue<string>()));

        var user = $"user-{name}";
        using (var userClient = await api.CreateUserClientAsync("viewer", user))
        {
            using (var own = await userClient.PostJsonAsync("/api/v1/auth/password", new { current_password = "user-password-1", new_password = "user-password-2" }))
                Assert.Equal(HttpStatusCode.NoContent, own.StatusCode);
            using var promote = await api.Client.PutJsonAsync($"/api/v1/users/{user}", new { role = "operator" });
            Assert.Equal(HttpStatusCode.OK, promote.StatusCode);
        }
        var userEntries = Items(await api.Client.GetJsonAsync($"/api/v1/audit?targetId={user}&action=user."));
        Assert.Equal("role viewer, password set", userEntries.Single(a => a["action"]!.GetValue<string>() == "user.created")["detail"]!.GetValue<string>());
        Assert.Equal("role operator", userEntries.Single(a => a["action"]!.GetValue<string>() == "user.changed")["detail"]!.GetValue<string>());
        var password = Assert.Single(Items(await api.Client.GetJsonAsync($"/api/v1/audit?user={user}&action=user.password_changed")));
        Assert.Equal("user", password["target_type"]!.GetValue<string>());

        api.WritePlaybook($"audit/run-{name}.yaml", SamplePlaybooks.Hello());
        var id = await api.StartAsync($"audit/run-{name}.yaml");
        using (var cancel = await api.Client.PostAsync($"/api/v1/executions/{id}/CANCEL", null)) Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        await api.WaitForStatusAsync(id, "cancelled"); // a pending execution is cancelled at once
        using (var delete = await api.Client.DeleteAsync($"/api/v1/executions/{id}")) Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.Equal(["execution.deleted", "execution.cancel", "execution.started"],
            Items(await api.Client.GetJsonAsync($"/api/v1/audit?targetId={id}")).Select(a => a["action"]!.GetValue<string>()));
    }
}
