using System.Net;
using IgnitionToolkit.Api.Tests.Infrastructure;

namespace IgnitionToolkit.Api.Tests;

[Trait("Category", "Functional")]
public sealed class PlaybookLibraryTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task V5_domain_group_and_verified_are_listed_and_the_domain_falls_back_to_the_folder()
    {
        var grouped = "name: Grouped\nversion: '1'\ndomain: perspective\ngroup: Commissioning\nverified: true\n" +
                      "steps:\n  - {id: a, name: A, type: utility.log, parameters: {message: hi}}\n";
        (await api.Client.PostJsonAsync("/api/v1/playbooks", new { path = "v5meta/grouped.yaml", yaml = grouped })).EnsureSuccessStatusCode();
        (await api.Client.PostJsonAsync("/api/v1/playbooks", new { path = "gateway/v5meta_plain.yaml", yaml = SamplePlaybooks.Hello() })).EnsureSuccessStatusCode();

        var summary = (await api.Client.GetJsonAsync("/api/v1/playbooks/v5meta/grouped.yaml"))["summary"]!;
        Assert.Equal(("perspective", "Commissioning", true),
            (summary["domain"]!.GetValue<string>(), summary["group"]!.GetValue<string>(), summary["verified"]!.GetValue<bool>()));
        Assert.Empty((await api.Client.GetJsonAsync("/api/v1/playbooks/v5meta/grouped.yaml"))["diagnostics"]!.AsArray());
        var plain = (await api.Client.GetJsonAsync("/api/v1/playbooks/gateway/v5meta_plain.yaml"))["summary"]!;
        Assert.Equal("gateway", plain["domain"]!.GetValue<string>());
        Assert.Null(plain["group"]);
    }

    [Fact]
    public async Task Create_get_update_with_backup_and_delete()
    {
        var path = "crud/hello.yaml";
        using (var created = await api.Client.PostJsonAsync("/api/v1/playbooks", new { path, yaml = SamplePlaybooks.Hello() }))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            Assert.Equal($"/api/v1/playbooks/{path}", created.Headers.Location!.ToString());
        }
        using (var again = await api.Client.PostJsonAsync("/api/v1/playbooks", new { path, yaml = SamplePlaybooks.Hello() }))
        {
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
            Assert.Equal(409, (await again.ReadJsonAsync())["status"]!.GetValue<int>());
        }

        var detail = await api.Client.GetJsonAsync($"/api/v1/playbooks/{path}");
        Assert.Equal(SamplePlaybooks.Hello(), detail["yaml"]!.GetValue<string>());
        Assert.Equal("Hello", detail["summary"]!["name"]!.GetValue<string>());
        Assert.Equal("crud", detail["summary"]!["category"]!.GetValue<string>());
        Assert.Equal(3, detail["summary"]!["parameter_count"]!.GetValue<int>());
        Assert.Equal(2, detail["summary"]!["step_count"]!.GetValue<int>());
        Assert.True(detail["summary"]!["valid"]!.GetValue<bool>());

        var updatedYaml = SamplePlaybooks.Hello("Hello again");
        using (var updated = await api.Client.PutJsonAsync($"/api/v1/playbooks/{path}", new { yaml = updatedYaml }))
        {
            Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
            var backup = (await updated.ReadJsonAsync())["backup_path"]!.GetValue<string>();
            Assert.StartsWith(Path.Combine(api.DataDirectory, "backups", "playbooks"), backup);
            Assert.Equal(SamplePlaybooks.Hello(), File.ReadAllText(backup));
        }
        Assert.Equal(updatedYaml, File.ReadAllText(Path.Combine(api.PlaybooksDirectory, "crud", "hello.yaml")));

        using (var deleted = await api.Client.DeleteAsync($"/api/v1/playbooks/{path}"))
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using var gone = await api.Client.GetAsync($"/api/v1/playbooks/{path}");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task Invalid_playbook_is_refused_with_every_error_and_its_line()
    {
        using var response = await api.Client.PostJsonAsync("/api/v1/playbooks", new { path = "bad/broken.yaml", yaml = SamplePlaybooks.Invalid });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var diagnostics = (await response.ReadJsonAsync())["diagnostics"]!.AsArray();
        Assert.Equal(2, diagnostics.Count);
        var unknown = diagnostics.Single(d => d!["field"]!.GetValue<string>() == "steps[1].type");
        Assert.Equal(8, unknown!["line"]!.GetValue<int>());
        Assert.Equal("bad/broken.yaml", unknown["file"]!.GetValue<string>());
        Assert.Contains("utility.teleport", unknown["message"]!.GetValue<string>());
        var missing = diagnostics.Single(d => d!["field"]!.GetValue<string>() == "steps[0].parameters.message");
        Assert.Equal(4, missing!["line"]!.GetValue<int>());
        Assert.False(File.Exists(Path.Combine(api.PlaybooksDirectory, "bad", "broken.yaml")));

        using var validate = await api.Client.PostJsonAsync("/api/v1/playbooks/validate", new { yaml = SamplePlaybooks.Invalid });
        var result = await validate.ReadJsonAsync();
        Assert.False(result["valid"]!.GetValue<bool>());
        Assert.Equal(2, result["diagnostics"]!.AsArray().Count);
    }

    [Fact]
    public async Task Yaml_syntax_error_names_line_and_column()
    {
        using var response = await api.Client.PostJsonAsync("/api/v1/playbooks/validate", new { yaml = "name: x\nsteps: [\n  - id: a\n  bad: : :" });
        var diagnostics = (await response.ReadJsonAsync())["diagnostics"]!.AsArray();
        Assert.NotEmpty(diagnostics);
        Assert.True(diagnostics[0]!["line"]!.GetValue<int>() > 1);
    }

    [Theory]
    [InlineData("../escape.yaml")]
    [InlineData("/etc/passwd.yaml")]
    [InlineData("a/../../escape.yaml")]
    [InlineData("notes.txt")]
    public async Task Paths_outside_the_library_are_refused(string path)
    {
        using var response = await api.Client.PostJsonAsync("/api/v1/playbooks", new { path, yaml = SamplePlaybooks.Hello() });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("path", (await response.ReadJsonAsync())["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task List_filters_by_category_and_search()
    {
        api.WritePlaybook("gateway/backup.yaml", SamplePlaybooks.Hello("Gateway backup", "Backs up the gateway"));
        api.WritePlaybook("examples/greet.yaml", SamplePlaybooks.Hello("Greeter", "Greets"));
        api.WritePlaybook("examples/broken.yaml", SamplePlaybooks.Invalid);

        var gateway = (await api.Client.GetJsonAsync("/api/v1/playbooks?category=gateway")).AsArray();
        Assert.Equal("gateway/backup.yaml", Assert.Single(gateway)!["path"]!.GetValue<string>());
        Assert.Equal(["demo", "utility"], gateway[0]!["tags"]!.AsArray().Select(t => t!.GetValue<string>()));

        var search = (await api.Client.GetJsonAsync("/api/v1/playbooks?search=GREETER")).AsArray();
        Assert.Equal("examples/greet.yaml", Assert.Single(search)!["path"]!.GetValue<string>());

        var examples = (await api.Client.GetJsonAsync("/api/v1/playbooks?category=examples")).AsArray();
        Assert.False(examples.Single(p => p!["path"]!.GetValue<string>() == "examples/broken.yaml")!["valid"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Example_library_is_valid_with_its_nested_playbooks_resolved()
    {
        foreach (var folder in new[] { "utility", "nested", "debug" }) api.CopyExamples(folder);

        var all = (await api.Client.GetJsonAsync("/api/v1/playbooks")).AsArray();
        foreach (var path in new[] { "utility/hello_world.yaml", "utility/wait_and_log.yaml", "nested/parent.yaml", "nested/child_greeting.yaml", "debug/breakpoint_demo.yaml" })
        {
            var summary = all.Single(p => p!["path"]!.GetValue<string>() == path)!;
            Assert.True(summary["valid"]!.GetValue<bool>(), $"{path} should be valid");
            Assert.Equal(0, summary["error_count"]!.GetValue<int>());
        }

        var parent = await api.Client.GetJsonAsync("/api/v1/playbooks/nested/parent.yaml");
        Assert.Equal("Nested Greeting", parent["summary"]!["name"]!.GetValue<string>());
        Assert.Equal(["example", "nested", "playbook.run"], parent["summary"]!["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal("playbook.run", parent["steps"]!.AsArray().Single(s => s!["id"]!.GetValue<string>() == "greet_child")!["type"]!.GetValue<string>());
        Assert.DoesNotContain(parent["diagnostics"]!.AsArray(), d => d!["severity"]!.GetValue<string>() == "error");
    }

    [Fact]
    public async Task Nested_playbooks_are_found_next_to_the_caller_then_at_the_library_root()
    {
        api.WritePlaybook("shared/child.yaml", SamplePlaybooks.Hello("Shared child"));
        api.WritePlaybook("teams/a/local.yaml", SamplePlaybooks.Hello("Local child"));
        var yaml = SamplePlaybooks.Parent("local.yaml") + "\n" + """
              - id: run_shared
                name: Run the shared child
                type: playbook.run
                parameters:
                  playbook: shared/child.yaml
                  greeting: hi
            """;
        using var ok = await api.Client.PostJsonAsync("/api/v1/playbooks/validate", new { yaml, path = "teams/a/parent.yaml" });
        var valid = await ok.ReadJsonAsync();
        Assert.True(valid["valid"]!.GetValue<bool>(), valid.ToJsonString());

        using var missing = await api.Client.PostJsonAsync("/api/v1/playbooks/validate", new { yaml = SamplePlaybooks.Parent("nowhere.yaml"), path = "teams/a/other.yaml" });
        var diagnostic = Assert.Single((await missing.ReadJsonAsync())["diagnostics"]!.AsArray())!;
        Assert.Equal("steps[0].parameters.playbook", diagnostic["field"]!.GetValue<string>());
        Assert.Equal("teams/a/other.yaml", diagnostic["file"]!.GetValue<string>());
        Assert.Equal(8, diagnostic["line"]!.GetValue<int>());
        Assert.Contains("nowhere.yaml", diagnostic["message"]!.GetValue<string>());
    }
}
