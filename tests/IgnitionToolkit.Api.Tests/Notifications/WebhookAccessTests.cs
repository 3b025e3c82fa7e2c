using System.Net;
using System.Text.Json.Nodes;
using IgnitionToolkit.Api.Tests.Infrastructure;

namespace IgnitionToolkit.Api.Tests.Notifications;

/// <summary>Who may manage webhooks, and what the audit trail shows of it: admins create, change and delete (each
/// audited with the webhook's id), viewers see the list but neither the secret nor the URL's path and may not write.</summary>
[Trait("Category", "Functional")]
public sealed class WebhookAccessTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Admin_writes_are_audited_with_the_webhook_id_and_a_viewer_reads_without_secrets_but_may_not_write()
    {
        const string secret = "api-test-webhook-secret-31337";
        var name = "audit-" + Guid.NewGuid().ToString("N")[..8];
        Guid id;
        using (var created = await api.Client.PostJsonAsync("/api/v1/webhooks",
                   new { name, url = "https://hooks.example.test/services/T1/B2/tokenpart", secret, kinds = new[] { "execution.failed" } }))
        {
            var text = await created.Content.ReadAsStringAsync();
            Assert.True(created.StatusCode == HttpStatusCode.Created, text);
            id = JsonNode.Parse(text)!["id"]!.GetValue<Guid>();
        }
        using (var changed = await api.Client.PutJsonAsync($"/api/v1/webhooks/{id}", new { enabled = false })) Assert.Equal(HttpStatusCode.OK, changed.StatusCode);

        using var viewer = api.Authorize(api.Factory.CreateClient(), "viewer", "webhook-viewer");
        using (var list = await viewer.GetAsync("/api/v1/webhooks"))
        {
            var text = await list.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, list.StatusCode);
            Assert.Contains(name, text);
            Assert.DoesNotContain(secret, text);
            Assert.DoesNotContain("tokenpart", text);
        }
        using (var refused = await viewer.DeleteAsync($"/api/v1/webhooks/{id}")) Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        using (var deleted = await api.Client.DeleteAsync($"/api/v1/webhooks/{id}")) Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);

        var audit = (await api.Client.GetJsonAsync($"/api/v1/audit?targetId={id}"))["items"]!.AsArray();
        Assert.Equal(["webhook.deleted", "webhook.changed", "webhook.created"], audit.Select(a => a!["action"]!.GetValue<string>()));
        Assert.All(audit, a => Assert.Equal("webhook", a!["target_type"]!.GetValue<string>()));
    }
}
