using System.Net;
using IgnitionToolkit.Api.Tests.Infrastructure;

namespace IgnitionToolkit.Api.Tests;

public sealed class PlaybookLibraryTests(ApiFixture api) : IClassFixture<ApiFixture>
{
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
        var unknown = diagnostics.Single(d => d!["field"]!.GetValue<string>() == "steps[second].type");
        Assert.Equal(7, unknown!["line"]!.GetValue<int>());
        Assert.Equal("bad/broken.yaml", unknown["file"]!.GetValue<string>());
        Assert.Contains("utility.teleport", unknown["message"]!.GetValue<string>());
        var missing = diagnostics.Single(d => d!["field"]!.GetValue<string>() == "steps[first].parameters.message");
        Assert.Equal(3, missing!["line"]!.GetValue<int>());
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

        var search = (await api.Client.GetJsonAsync("/api/v1/playbooks?search=greet")).AsArray();
        Assert.Equal("examples/greet.yaml", Assert.Single(search)!["path"]!.GetValue<string>());

        var examples = (await api.Client.GetJsonAsync("/api/v1/playbooks?category=examples")).AsArray();
        Assert.False(examples.Single(p => p!["path"]!.GetValue<string>() == "examples/broken.yaml")!["valid"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Step_types_list_schemas_and_aliases()
    {
        var types = (await api.Client.GetJsonAsync("/api/v1/step-types")).AsArray();
        var wait = types.Single(t => t!["type"]!.GetValue<string>() == "utility.wait");
        Assert.Equal("seconds", wait!["parameters"]![0]!["name"]!.GetValue<string>());
        Assert.True(wait["parameters"]![0]!["required"]!.GetValue<bool>());
        Assert.Equal("utility.sleep", wait["aliases"]![0]!["name"]!.GetValue<string>());
    }
}
