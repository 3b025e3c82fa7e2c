using System.Net;
using IgnitionToolkit.Api.Auth;
using IgnitionToolkit.Api.Persistence;
using IgnitionToolkit.Api.Tests.Credentials;
using IgnitionToolkit.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IgnitionToolkit.Api.Tests.Fleet;

/// <summary>/api/v1/gateways on the real database: CRUD with RFC 7807 answers for bad input, roles, audit, and the import
/// (preview of new/changed, per-line errors, all or nothing).</summary>
[Trait("Category", "Functional")]
public sealed class GatewayInventoryTests(VaultApiFixture api) : IClassFixture<VaultApiFixture>
{
    private static string NewName(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..20];

    private async Task<string> CredentialAsync()
    {
        var name = NewName("login");
        using var created = await api.Client.PostJsonAsync("/api/v1/credentials", new
        { name, kind = "gateway_login", fields = new Dictionary<string, string> { ["username"] = "admin", ["password"] = VaultTestTools.NewSecret() } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return name;
    }

    [Fact]
    public async Task A_gateway_is_created_changed_listed_and_deleted_and_each_change_is_audited()
    {
        var credential = await CredentialAsync();
        var name = NewName("gw");
        using (var created = await api.Client.PostJsonAsync("/api/v1/gateways", new
        { name, url = "http://10.1.1.1:8088", credential_name = credential, concurrency_limit = 1, tags = new { Site = "north", line = "3" } }))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var json = await created.ReadJsonAsync();
            Assert.Equal("north", json["tags"]!["site"]!.GetValue<string>()); // keys are lower-case
        }
        using (var changed = await api.Client.PutJsonAsync($"/api/v1/gateways/{name}", new { url = "https://10.1.1.2:8043", tags = new { site = "south" } }))
            Assert.Equal(HttpStatusCode.OK, changed.StatusCode);

        var one = await api.Client.GetJsonAsync($"/api/v1/gateways/{name}");
        Assert.Equal("https://10.1.1.2:8043", one["url"]!.GetValue<string>());
        Assert.Null(one["credential_name"]); // a PUT replaces every field
        Assert.Contains(name, (await api.Client.GetStringAsync("/api/v1/gateways")));
        using (var deleted = await api.Client.DeleteAsync($"/api/v1/gateways/{name}"))
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using (var gone = await api.Client.GetAsync($"/api/v1/gateways/{name}"))
            Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);

        await using var scope = api.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ToolkitDbContext>();
        var actions = await db.Audit.Where(a => a.TargetId == name).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
        Assert.Equal(["gateway.created", "gateway.changed", "gateway.deleted"], actions);
    }

    [Fact]
    public async Task Bad_input_is_a_problem_naming_the_field_and_viewers_cannot_write()
    {
        using (var bad = await api.Client.PostJsonAsync("/api/v1/gateways", new { name = NewName("gw"), url = "gw1:8088" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
            Assert.Equal("url", (await bad.ReadJsonAsync())["field"]!.GetValue<string>());
        }
        using (var unknown = await api.Client.PostJsonAsync("/api/v1/gateways", new { name = NewName("gw"), url = "http://gw1:8088", credential_name = "no-such-login" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
            Assert.Equal("credential_name", (await unknown.ReadJsonAsync())["field"]!.GetValue<string>());
        }
        using var viewer = api.Authorize(api.Factory.CreateClient(), Roles.Viewer, "fleet-viewer");
        using (var refused = await viewer.PostJsonAsync("/api/v1/gateways", new { name = NewName("gw"), url = "http://gw1:8088" }))
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        using (var read = await viewer.GetAsync("/api/v1/gateways"))
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    [Fact]
    public async Task An_import_previews_new_and_changed_gateways_then_applies_them()
    {
        var credential = await CredentialAsync();
        var kept = NewName("gw");
        var added = NewName("gw");
        using (var created = await api.Client.PostJsonAsync("/api/v1/gateways", new { name = kept, url = "http://10.2.0.1:8088", tags = new { site = "east" } }))
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var csv = $"name,url,credential,site\n{kept},http://10.2.0.1:8088,{credential},east\n{added},http://10.2.0.2:8088,,east\n";

        using var preview = await api.Client.PostJsonAsync("/api/v1/gateways/import/preview", new { content = csv, file_name = "plant.csv" });
        var report = await preview.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.False(report["applied"]!.GetValue<bool>());
        Assert.Equal([(kept, "changed", 2), (added, "new", 3)], report["lines"]!.AsArray()
            .Select(l => (l!["name"]!.GetValue<string>(), l["action"]!.GetValue<string>(), l["line"]!.GetValue<int>())));
        Assert.Equal(["credential_name"], report["lines"]![0]!["changes"]!.AsArray().Select(c => c!.GetValue<string>()));
        using (var absent = await api.Client.GetAsync($"/api/v1/gateways/{added}"))
            Assert.Equal(HttpStatusCode.NotFound, absent.StatusCode); // a preview changes nothing

        using var applied = await api.Client.PostJsonAsync("/api/v1/gateways/import", new { content = csv, format = "csv" });
        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        Assert.Equal(credential, (await api.Client.GetJsonAsync($"/api/v1/gateways/{kept}"))["credential_name"]!.GetValue<string>());
        Assert.Equal("east", (await api.Client.GetJsonAsync($"/api/v1/gateways/{added}"))["tags"]!["site"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_import_with_errors_lists_them_by_line_and_imports_nothing()
    {
        var good = NewName("gw");
        var yaml = $"gateways:\n  - name: {good}\n    url: http://10.3.0.1:8088\n  - name: {good}\n    url: http://10.3.0.2:8088\n  - name: other\n    url: not-a-url\n";

        using var refused = await api.Client.PostJsonAsync("/api/v1/gateways/import", new { content = yaml, file_name = "fleet.yml" });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.ReadJsonAsync();
        Assert.Equal([(4, "name"), (6, "url")], problem["errors"]!.AsArray().Select(e => (e!["line"]!.GetValue<int>(), e["field"]!.GetValue<string>())));
        Assert.Contains("fleet.yml", problem["detail"]!.GetValue<string>());
        using (var absent = await api.Client.GetAsync($"/api/v1/gateways/{good}"))
            Assert.Equal(HttpStatusCode.NotFound, absent.StatusCode);
        using var unknownFormat = await api.Client.PostJsonAsync("/api/v1/gateways/import/preview", new { content = "x", file_name = "fleet.xlsx" });
        Assert.Equal(HttpStatusCode.BadRequest, unknownFormat.StatusCode);
    }
}
