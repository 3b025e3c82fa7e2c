using System.Net;
using System.Text.Json.Nodes;
using IgnitionToolkit.Api.Library;
using IgnitionToolkit.Api.Persistence;
using IgnitionToolkit.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IgnitionToolkit.Api.Tests.Library;

/// <summary>A git repository as a library source: cloned from a local bare repository the test makes, shown read-only
/// with its commit, updates listed with their diff before they are pulled, failures that keep the last good revision.</summary>
[Trait("Category", "Functional")]
public sealed class GitLibrarySourceTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static string Child(string message) => $$"""
        name: Child
        version: "1.0"
        steps:
          - id: say
            name: Say
            type: utility.log
            parameters:
              message: "{{message}}"
        """;

    /// <summary>In a sub-folder of the source, running <c>lib/child.yaml</c> relative to the repository root.</summary>
    private const string Parent = """
        name: Team parent
        version: "1.0"
        steps:
          - id: run
            name: Run the child
            type: playbook.run
            parameters:
              playbook: lib/child.yaml
        """;

    private static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("N")[..6];

    private async Task<JsonNode> AddSourceAsync(string name, BareRepository repo, int interval = 0, bool autoUpdate = true)
    {
        using var created = await api.Client.PostJsonAsync("/api/v1/library/sources",
            new { name, url = repo.Url, branch = repo.Branch, sub_folder = "playbooks", pull_interval_minutes = interval, auto_update = autoUpdate });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return await created.ReadJsonAsync();
    }

    private async Task<JsonNode?> SummaryAsync(string path) =>
        (await api.Client.GetJsonAsync("/api/v1/playbooks?source=" + path.Split('/')[0])).AsArray().FirstOrDefault(p => p!["path"]!.GetValue<string>() == path);

    [Fact]
    public async Task A_git_source_is_listed_read_only_with_its_commit_and_its_updates_are_shown_with_a_diff_before_they_are_pulled()
    {
        using var repo = new BareRepository();
        var first = repo.Commit("first", new Dictionary<string, string?>
        {
            ["playbooks/parent.yaml"] = Parent, ["playbooks/lib/child.yaml"] = Child("one"), ["README.md"] = "not a playbook",
        });
        var name = Unique("team");
        var source = await AddSourceAsync(name, repo);
        Assert.Equal(first, source["commit"]!.GetValue<string>());
        Assert.Null(source["last_error"]);

        var parent = (await SummaryAsync($"{name}/parent.yaml"))!;
        Assert.Equal((name, first, true, true), (parent["source"]!.GetValue<string>(), parent["commit"]!.GetValue<string>(),
            parent["read_only"]!.GetValue<bool>(), parent["valid"]!.GetValue<bool>())); // its child resolves inside the repository
        Assert.Null(await SummaryAsync($"{name}/README.md"));
        using (var edit = await api.Client.PutJsonAsync($"/api/v1/playbooks/{name}/parent.yaml", new { yaml = Parent }))
        {
            Assert.Equal(HttpStatusCode.Conflict, edit.StatusCode);
            Assert.Contains("copy it into the local library", (await edit.ReadJsonAsync())["detail"]!.GetValue<string>());
        }

        var second = repo.Commit("child says two", new Dictionary<string, string?> { ["playbooks/lib/child.yaml"] = Child("two") });
        using (var fetch = await api.Client.PostAsync($"/api/v1/library/sources/{name}/fetch", null))
        {
            var fetched = await fetch.ReadJsonAsync();
            Assert.Equal(HttpStatusCode.OK, fetch.StatusCode);
            Assert.Equal(second, fetched["upstream_commit"]!.GetValue<string>());
            Assert.Equal(first, fetched["commit"]!.GetValue<string>()); // fetched, not applied
            var update = Assert.Single(fetched["updates"]!.AsArray());
            Assert.Equal(("lib/child.yaml", "modified"), (update!["path"]!.GetValue<string>(), update["change"]!.GetValue<string>()));
        }
        var diff = (await api.Client.GetJsonAsync($"/api/v1/library/sources/{name}/diff?path=lib/child.yaml"))["diff"]!.GetValue<string>();
        Assert.Contains("-      message: \"one\"", diff);
        Assert.Contains("+      message: \"two\"", diff);
        Assert.Contains("one", (await api.Client.GetJsonAsync($"/api/v1/playbooks/{name}/lib/child.yaml"))["yaml"]!.GetValue<string>());

        using (var pull = await api.Client.PostAsync($"/api/v1/library/sources/{name}/pull", null))
        {
            var pulled = await pull.ReadJsonAsync();
            Assert.Equal(HttpStatusCode.OK, pull.StatusCode);
            Assert.Equal(second, pulled["commit"]!.GetValue<string>());
            Assert.Equal("child says two", pulled["commit_message"]!.GetValue<string>());
            Assert.Empty(pulled["updates"]!.AsArray());
        }
        Assert.Contains("two", (await api.Client.GetJsonAsync($"/api/v1/playbooks/{name}/lib/child.yaml"))["yaml"]!.GetValue<string>());
        Assert.Equal(second, (await SummaryAsync($"{name}/parent.yaml"))!["commit"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_failed_pull_keeps_the_last_good_revision_and_says_why()
    {
        using var repo = new BareRepository();
        var first = repo.Commit("first", new Dictionary<string, string?> { ["playbooks/lib/child.yaml"] = Child("kept") });
        var name = Unique("flaky");
        await AddSourceAsync(name, repo);
        repo.TakeOffline();
        try
        {
            using var pull = await api.Client.PostAsync($"/api/v1/library/sources/{name}/pull", null);
            Assert.Equal(HttpStatusCode.BadGateway, pull.StatusCode);
            Assert.Contains($"keeps revision {first[..12]}", (await pull.ReadJsonAsync())["detail"]!.GetValue<string>());
            var source = await api.Client.GetJsonAsync($"/api/v1/library/sources/{name}");
            Assert.False(string.IsNullOrWhiteSpace(source["last_error"]?.GetValue<string>()));
            Assert.Equal(first, source["commit"]!.GetValue<string>());
            Assert.Contains("kept", (await api.Client.GetJsonAsync($"/api/v1/playbooks/{name}/lib/child.yaml"))["yaml"]!.GetValue<string>());
        }
        finally
        {
            repo.BringOnline();
        }
        using var again = await api.Client.PostAsync($"/api/v1/library/sources/{name}/pull", null);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Null((await again.ReadJsonAsync())["last_error"]);
    }

    [Fact]
    public async Task When_its_interval_has_passed_the_source_follows_a_new_commit_by_itself()
    {
        using var repo = new BareRepository();
        repo.Commit("first", new Dictionary<string, string?> { ["playbooks/lib/child.yaml"] = Child("before") });
        var name = Unique("auto");
        await AddSourceAsync(name, repo, interval: 5);
        var second = repo.Commit("second", new Dictionary<string, string?> { ["playbooks/lib/child.yaml"] = Child("after") });

        await using (var scope = api.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ToolkitDbContext>();
            // the interval has passed: the last attempt was six minutes ago
            await db.LibrarySources.Where(s => s.Name == name).ExecuteUpdateAsync(s => s.SetProperty(x => x.LastAttemptAt, DateTimeOffset.UtcNow.AddMinutes(-6)));
            await scope.ServiceProvider.GetRequiredService<LibrarySync>().RefreshAsync(CancellationToken.None);
        }
        Assert.Equal(second, (await api.Client.GetJsonAsync($"/api/v1/library/sources/{name}"))["commit"]!.GetValue<string>());
        Assert.Contains("after", (await api.Client.GetJsonAsync($"/api/v1/playbooks/{name}/lib/child.yaml"))["yaml"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_git_playbook_is_sent_to_the_Runner_with_its_repository_paths_and_its_nested_child()
    {
        using var repo = new BareRepository();
        var yamls = new Dictionary<string, string?> { ["playbooks/team/parent.yaml"] = Parent, ["playbooks/lib/child.yaml"] = Child("nested") };
        repo.Commit("first", yamls);
        var name = Unique("run");
        await AddSourceAsync(name, repo);
        var id = await api.StartAsync($"{name}/team/parent.yaml", new { });
        var start = await api.WaitForStartAsync(id);
        Assert.Equal("team/parent.yaml", start.PlaybookPath);
        Assert.Contains("nested", Assert.Single(start.NestedPlaybooks!, n => n.Key == "lib/child.yaml").Value);
        Assert.Equal($"{name}/team/parent.yaml", (await api.GetExecutionAsync(id))["execution"]!["playbook_path"]!.GetValue<string>());
    }

    [Fact]
    public async Task Bad_source_settings_are_refused_with_the_field_and_credentials_never_go_in_the_url()
    {
        foreach (var (body, field) in new (object Body, string Field)[]
        {
            (new { name = "../x", url = "/tmp/x" }, "name"),
            (new { name = "ok", url = "https://user:secret@example.test/repo.git" }, "url"),
            (new { name = "ok", url = "ftp://example.test/repo.git" }, "url"),
            (new { name = "ok", url = "/tmp/x", branch = "a..b" }, "branch"),
            (new { name = "ok", url = "/tmp/x", sub_folder = "../up" }, "sub_folder"),
            (new { name = "ok", url = "/tmp/x", credential_name = "no-such-credential" }, "credential_name"),
        })
        {
            using var response = await api.Client.PostJsonAsync("/api/v1/library/sources", body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal(field, (await response.ReadJsonAsync())["field"]!.GetValue<string>());
        }
        using var operatorClient = api.Authorize(api.Factory.CreateClient(), "operator", "library-operator");
        using var forbidden = await operatorClient.PostJsonAsync("/api/v1/library/sources", new { name = "mine", url = "/tmp/x" });
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }
}
