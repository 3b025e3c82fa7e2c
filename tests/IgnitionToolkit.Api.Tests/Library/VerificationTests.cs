using System.Net;
using System.Text.Json.Nodes;
using IgnitionToolkit.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace IgnitionToolkit.Api.Tests.Library;

/// <summary>An API whose <c>playbook.run</c> children must be verified (<c>Toolkit:Library:RequireVerifiedChildren</c>).</summary>
public sealed class VerifiedChildrenApiFixture : ApiFixture
{
    protected override void ConfigureApi(IWebHostBuilder builder) => builder.UseSetting("Toolkit:Library:RequireVerifiedChildren", "true");
}

/// <summary>Verify / unverify by content hash, states in the list, search, duplicate, rename and delete — audited.</summary>
[Trait("Category", "Functional")]
public sealed class VerificationTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static string Unique() => Guid.NewGuid().ToString("N")[..6];

    private async Task<JsonNode> SummaryAsync(string path) => (await api.Client.GetJsonAsync("/api/v1/playbooks/" + path))["summary"]!;

    [Fact]
    public async Task Verifying_records_who_when_and_the_hash_and_an_edit_shows_changed_since_verified()
    {
        var path = api.WritePlaybook($"ver{Unique()}/hello.yaml", SamplePlaybooks.Hello());
        Assert.Equal("unverified", (await SummaryAsync(path))["verification"]!["state"]!.GetValue<string>());

        using (var verify = await api.Client.PostAsync($"/api/v1/library/verifications/{path}", null))
        {
            Assert.Equal(HttpStatusCode.OK, verify.StatusCode);
            var mark = await verify.ReadJsonAsync();
            Assert.Equal(("verified", "admin"), (mark["state"]!.GetValue<string>(), mark["verified_by"]!.GetValue<string>()));
            Assert.Equal(64, mark["content_hash"]!.GetValue<string>().Length);
            Assert.NotNull(mark["verified_at"]);
        }
        var listed = (await api.Client.GetJsonAsync("/api/v1/playbooks?state=verified")).AsArray();
        Assert.Contains(listed, p => p!["path"]!.GetValue<string>() == path);

        using (var edit = await api.Client.PutJsonAsync($"/api/v1/playbooks/{path}", new { yaml = SamplePlaybooks.Hello("Edited") }))
            Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        var changed = (await SummaryAsync(path))["verification"]!;
        Assert.Equal("changed", changed["state"]!.GetValue<string>());
        Assert.NotEqual(changed["content_hash"]!.GetValue<string>(), changed["verified_hash"]!.GetValue<string>());
        Assert.Contains((await api.Client.GetJsonAsync("/api/v1/playbooks?state=changed")).AsArray(), p => p!["path"]!.GetValue<string>() == path);

        // a change on disk (as a git pull makes) clears it the same way
        await api.Client.PostAsync($"/api/v1/library/verifications/{path}", null);
        File.AppendAllText(Path.Combine(api.PlaybooksDirectory, path), "\n# changed outside the toolkit\n");
        Assert.Equal("changed", (await SummaryAsync(path))["verification"]!["state"]!.GetValue<string>());

        using (var unverify = await api.Client.DeleteAsync($"/api/v1/library/verifications/{path}"))
            Assert.Equal(HttpStatusCode.NoContent, unverify.StatusCode);
        Assert.Equal("unverified", (await SummaryAsync(path))["verification"]!["state"]!.GetValue<string>());
        var actions = (await api.Client.GetJsonAsync($"/api/v1/audit?targetId={Uri.EscapeDataString(path)}"))["items"]!.AsArray()
            .Select(a => a!["action"]!.GetValue<string>()).ToList();
        Assert.Equal(["playbook.unverified", "playbook.verified", "playbook.changed", "playbook.verified"], actions);
    }

    [Fact]
    public async Task Search_finds_playbooks_by_name_tag_and_step_type()
    {
        var folder = "find" + Unique();
        api.WritePlaybook($"{folder}/hello.yaml", SamplePlaybooks.Hello("Findable " + folder));
        api.WritePlaybook($"{folder}/parent.yaml", SamplePlaybooks.Parent($"{folder}/hello.yaml"));
        static IEnumerable<string> Paths(JsonNode list) => list.AsArray().Select(p => p!["path"]!.GetValue<string>());
        Assert.Equal([$"{folder}/hello.yaml"], Paths(await api.Client.GetJsonAsync($"/api/v1/playbooks?search=Findable {folder}")));
        Assert.Contains($"{folder}/hello.yaml", Paths(await api.Client.GetJsonAsync($"/api/v1/playbooks?category={folder}&tag=demo")));
        Assert.Equal([$"{folder}/parent.yaml"], Paths(await api.Client.GetJsonAsync($"/api/v1/playbooks?category={folder}&step_type=playbook.run")));
        Assert.Equal([$"{folder}/parent.yaml"], Paths(await api.Client.GetJsonAsync($"/api/v1/playbooks?category={folder}&search=playbook.run")));
        var steps = (await SummaryAsync($"{folder}/hello.yaml"))["step_types"]!.AsArray().Select(s => s!.GetValue<string>());
        Assert.Equal(["utility.log", "utility.wait"], steps);
    }

    [Fact]
    public async Task Duplicate_rename_and_delete_keep_backups_move_the_mark_and_are_audited()
    {
        var folder = "cm" + Unique();
        var path = api.WritePlaybook($"{folder}/a.yaml", SamplePlaybooks.Hello());
        await api.Client.PostAsync($"/api/v1/library/verifications/{path}", null);

        using (var copy = await api.Client.PostJsonAsync("/api/v1/library/copy", new { from = path, to = $"{folder}/b.yaml" }))
            Assert.Equal(HttpStatusCode.Created, copy.StatusCode);
        Assert.Equal("unverified", (await SummaryAsync($"{folder}/b.yaml"))["verification"]!["state"]!.GetValue<string>());
        using (var again = await api.Client.PostJsonAsync("/api/v1/library/copy", new { from = path, to = $"{folder}/b.yaml" }))
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        using (var move = await api.Client.PostJsonAsync("/api/v1/library/move", new { from = path, to = $"{folder}/renamed/c.yaml" }))
        {
            Assert.Equal(HttpStatusCode.OK, move.StatusCode);
            Assert.True(File.Exists((await move.ReadJsonAsync())["backup_path"]!.GetValue<string>()));
        }
        Assert.False(File.Exists(Path.Combine(api.PlaybooksDirectory, folder, "a.yaml")));
        Assert.Equal("verified", (await SummaryAsync($"{folder}/renamed/c.yaml"))["verification"]!["state"]!.GetValue<string>());
        using (var delete = await api.Client.DeleteAsync($"/api/v1/playbooks/{folder}/renamed/c.yaml"))
            Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);

        Assert.Equal("playbook.duplicated", Assert.Single((await api.Client.GetJsonAsync($"/api/v1/audit?targetId={folder}/b.yaml"))["items"]!.AsArray())!["action"]!.GetValue<string>());
        Assert.Equal(["playbook.deleted", "playbook.moved"], (await api.Client.GetJsonAsync($"/api/v1/audit?targetId={folder}/renamed/c.yaml"))["items"]!.AsArray()
            .Select(a => a!["action"]!.GetValue<string>()));
    }
}

/// <summary><c>Toolkit:Library:RequireVerifiedChildren</c>: an unverified child refuses the start, naming the child.</summary>
[Trait("Category", "Functional")]
public sealed class RequireVerifiedChildrenTests(VerifiedChildrenApiFixture api) : IClassFixture<VerifiedChildrenApiFixture>
{
    [Fact]
    public async Task An_unverified_child_refuses_the_start_and_names_it_until_it_is_verified()
    {
        var child = api.WritePlaybook("strict/child.yaml", SamplePlaybooks.Hello("Child"));
        var parent = api.WritePlaybook("strict/parent.yaml", SamplePlaybooks.Parent(child));
        using (var refused = await api.Client.PostJsonAsync("/api/v1/executions", new { playbook = parent, parameters = new { } }))
        {
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            var detail = (await refused.ReadJsonAsync())["detail"]!.GetValue<string>();
            Assert.Contains("'strict/child.yaml'", detail);
            Assert.Contains("RequireVerifiedChildren", detail);
        }
        using (var verify = await api.Client.PostAsync($"/api/v1/library/verifications/{child}", null)) Assert.Equal(HttpStatusCode.OK, verify.StatusCode);
        await api.StartAsync(parent, new { });

        File.AppendAllText(Path.Combine(api.PlaybooksDirectory, child), "\n# edited\n"); // changed since verified: refused again
        using var again = await api.Client.PostJsonAsync("/api/v1/executions", new { playbook = parent, parameters = new { } });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }
}
