using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using IgnitionToolkit.Api.Tests.Infrastructure;

namespace IgnitionToolkit.Api.Tests.Library;

/// <summary>Export as a zip (playbooks, the children they run, a manifest, never credentials) and import back with a
/// preview and a choice per conflict; the original toolkit's JSON export imports too.</summary>
[Trait("Category", "Functional")]
public sealed class ExportImportTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static string Unique() => Guid.NewGuid().ToString("N")[..6];

    private static Dictionary<string, string> Entries(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip));
        return archive.Entries.ToDictionary(e => e.FullName, e => new StreamReader(e.Open()).ReadToEnd());
    }

    private static byte[] Zip(IReadOnlyDictionary<string, string> files)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (path, text) in files)
            {
                using var writer = new StreamWriter(archive.CreateEntry(path).Open());
                writer.Write(text);
            }
        }
        return buffer.ToArray();
    }

    private static object Upload(string fileName, byte[] content, object? resolutions = null) =>
        new { file_name = fileName, content = Convert.ToBase64String(content), resolutions };

    [Fact]
    public async Task A_folder_exports_with_the_children_it_runs_and_a_manifest_and_no_vault_secret()
    {
        var folder = "exp" + Unique();
        api.WritePlaybook($"shared{folder}/child.yaml", SamplePlaybooks.Hello("Child"));
        api.WritePlaybook($"{folder}/parent.yaml", SamplePlaybooks.Parent($"shared{folder}/child.yaml"));
        api.WritePlaybook($"{folder}/hello.yaml", SamplePlaybooks.Hello());
        using (var add = await api.Client.PostJsonAsync("/api/v1/credentials", new
        {
            name = "export-secret-" + folder, kind = "gateway_login",
            fields = new Dictionary<string, string> { ["username"] = "u", ["password"] = "vault-password-never-exported" },
        })) Assert.Equal(HttpStatusCode.Created, add.StatusCode);

        using var response = await api.Client.GetAsync($"/api/v1/library/export?folder={folder}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType!.MediaType);
        var entries = Entries(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal([$"{folder}/hello.yaml", $"{folder}/parent.yaml", $"shared{folder}/child.yaml", "toolkit-export.json"], entries.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(SamplePlaybooks.Hello(), entries[$"{folder}/hello.yaml"]);
        var manifest = JsonNode.Parse(entries["toolkit-export.json"])!;
        Assert.Equal(("ignition-toolkit-library", "folder", "admin"), (manifest["format"]!.GetValue<string>(), manifest["scope"]!.GetValue<string>(), manifest["exported_by"]!.GetValue<string>()));
        var child = manifest["playbooks"]!.AsArray().Single(p => p!["path"]!.GetValue<string>() == $"shared{folder}/child.yaml")!;
        Assert.True(child["child"]!.GetValue<bool>());
        Assert.DoesNotContain(entries.Values, v => v.Contains("vault-password-never-exported", StringComparison.Ordinal));

        using var one = await api.Client.GetAsync($"/api/v1/library/export?path={folder}/hello.yaml");
        Assert.Equal([$"{folder}/hello.yaml", "toolkit-export.json"], Entries(await one.Content.ReadAsByteArrayAsync()).Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Import_previews_new_changed_and_unchanged_and_asks_for_a_choice_per_conflict()
    {
        var folder = "imp" + Unique();
        api.WritePlaybook($"{folder}/same.yaml", SamplePlaybooks.Hello("Same"));
        api.WritePlaybook($"{folder}/clash.yaml", SamplePlaybooks.Hello("Library version"));
        api.WritePlaybook($"{folder}/other.yaml", SamplePlaybooks.Hello("Library other"));
        var zip = Zip(new Dictionary<string, string>
        {
            [$"{folder}/same.yaml"] = SamplePlaybooks.Hello("Same"),
            [$"{folder}/clash.yaml"] = SamplePlaybooks.Hello("Imported version"),
            [$"{folder}/other.yaml"] = SamplePlaybooks.Hello("Imported other"),
            [$"{folder}/new.yaml"] = SamplePlaybooks.Hello("Brand new"),
            [$"{folder}/broken.yaml"] = SamplePlaybooks.Invalid,
        });

        using (var preview = await api.Client.PostJsonAsync("/api/v1/library/import/preview", Upload("library.zip", zip)))
        {
            Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
            var items = (await preview.ReadJsonAsync())["items"]!.AsArray().ToDictionary(i => i!["path"]!.GetValue<string>(), i => i!);
            Assert.Equal("unchanged", items[$"{folder}/same.yaml"]["state"]!.GetValue<string>());
            Assert.Equal("new", items[$"{folder}/new.yaml"]["state"]!.GetValue<string>());
            Assert.Equal(("changed", true), (items[$"{folder}/clash.yaml"]["state"]!.GetValue<string>(), items[$"{folder}/clash.yaml"]["conflict"]!.GetValue<bool>()));
            Assert.Equal($"{folder}/clash.imported.yaml", items[$"{folder}/clash.yaml"]["copy_path"]!.GetValue<string>());
            Assert.Equal("invalid", items[$"{folder}/broken.yaml"]["state"]!.GetValue<string>());
            Assert.Contains(items[$"{folder}/broken.yaml"]["diagnostics"]!.AsArray(), d => d!["message"]!.GetValue<string>().Contains("utility.teleport"));
        }
        Assert.Contains("Library version", File.ReadAllText(Path.Combine(api.PlaybooksDirectory, folder, "clash.yaml"))); // a preview writes nothing

        using (var undecided = await api.Client.PostJsonAsync("/api/v1/library/import", Upload("library.zip", zip)))
        {
            Assert.Equal(HttpStatusCode.Conflict, undecided.StatusCode);
            var conflicts = (await undecided.ReadJsonAsync())["conflicts"]!.AsArray().Select(c => c!.GetValue<string>());
            Assert.Equal([$"{folder}/clash.yaml", $"{folder}/other.yaml"], conflicts);
        }
        Assert.False(File.Exists(Path.Combine(api.PlaybooksDirectory, folder, "new.yaml")));

        var choices = new Dictionary<string, string> { [$"{folder}/clash.yaml"] = "overwrite", [$"{folder}/other.yaml"] = "copy" };
        using (var import = await api.Client.PostJsonAsync("/api/v1/library/import", Upload("library.zip", zip, choices)))
        {
            Assert.Equal(HttpStatusCode.OK, import.StatusCode);
            var actions = (await import.ReadJsonAsync())["items"]!.AsArray().ToDictionary(i => i!["path"]!.GetValue<string>(), i => i!["action"]!.GetValue<string>());
            Assert.Equal(("overwritten", "copied", "created", "unchanged", "skipped"), (actions[$"{folder}/clash.yaml"], actions[$"{folder}/other.yaml"],
                actions[$"{folder}/new.yaml"], actions[$"{folder}/same.yaml"], actions[$"{folder}/broken.yaml"]));
        }
        Assert.Contains("Imported version", File.ReadAllText(Path.Combine(api.PlaybooksDirectory, folder, "clash.yaml")));
        Assert.Contains("Library other", File.ReadAllText(Path.Combine(api.PlaybooksDirectory, folder, "other.yaml")));
        Assert.Contains("Imported other", File.ReadAllText(Path.Combine(api.PlaybooksDirectory, folder, "other.imported.yaml")));
        Assert.False(File.Exists(Path.Combine(api.PlaybooksDirectory, folder, "broken.yaml")));
        var audit = (await api.Client.GetJsonAsync("/api/v1/audit?action=library.imported"))["items"]!.AsArray();
        Assert.Contains(audit, a => a!["detail"]!.GetValue<string>().Contains($"{folder}/clash.yaml (overwritten)"));
    }

    [Fact]
    public async Task The_original_toolkits_json_exports_import_v5_with_yaml_content_and_v2_as_the_playbook_itself()
    {
        var name = "V5 Import " + Unique();
        var v5 = new JsonObject
        {
            ["name"] = name, ["path"] = "gateway/v5_" + name.Replace(' ', '_').ToLowerInvariant() + ".yaml", ["version"] = "1.0", ["domain"] = "gateway",
            ["yaml_content"] = SamplePlaybooks.Hello(name), ["metadata"] = new JsonObject { ["verified"] = true, ["verified_by"] = "someone" },
        };
        using (var import = await api.Client.PostJsonAsync("/api/v1/library/import", Upload("export.json", Encoding.UTF8.GetBytes(v5.ToJsonString()))))
        {
            Assert.Equal(HttpStatusCode.OK, import.StatusCode);
            var item = Assert.Single((await import.ReadJsonAsync())["items"]!.AsArray())!;
            Assert.Equal((v5["path"]!.GetValue<string>(), "created"), (item["written_path"]!.GetValue<string>(), item["action"]!.GetValue<string>()));
        }
        var imported = await api.Client.GetJsonAsync("/api/v1/playbooks/" + v5["path"]!.GetValue<string>());
        Assert.Equal(name, imported["summary"]!["name"]!.GetValue<string>());
        Assert.Equal("unverified", imported["summary"]!["verification"]!["state"]!.GetValue<string>()); // a mark is given here, not imported

        var v2 = new JsonObject
        {
            ["name"] = "Legacy " + Unique(), ["version"] = "1.0", ["domain"] = "perspective",
            ["steps"] = new JsonArray(new JsonObject { ["id"] = "s", ["name"] = "S", ["type"] = "utility.log", ["parameters"] = new JsonObject { ["message"] = "hi" } }),
            ["_export_metadata"] = new JsonObject { ["version"] = "1.0", ["credentials_stripped"] = true },
        };
        using var legacy = await api.Client.PostJsonAsync("/api/v1/library/import/preview", Upload("legacy.json", Encoding.UTF8.GetBytes(v2.ToJsonString())));
        var preview = await legacy.ReadJsonAsync();
        Assert.Equal("v2-json", preview["format"]!.GetValue<string>());
        var entry = Assert.Single(preview["items"]!.AsArray())!;
        Assert.Equal("new", entry["state"]!.GetValue<string>());
        Assert.StartsWith("perspective/legacy_", entry["path"]!.GetValue<string>());
    }

    [Fact]
    public async Task Unreadable_uploads_are_a_problem_naming_the_cause()
    {
        foreach (var (body, text) in new (object Body, string Text)[]
        {
            (new { file_name = "x.zip", content = "%%%" }, "base64"),
            (Upload("notes.txt", Encoding.UTF8.GetBytes("hello")), "not an export"),
            (Upload("x.json", Encoding.UTF8.GetBytes("{\"name\": 1")), "JSON export cannot be read"),
            (Upload("x.json", Encoding.UTF8.GetBytes("{\"name\": \"no yaml\"}")), "neither yaml_content"),
            (Upload("x.zip", [(byte)'P', (byte)'K', 3, 4, 0, 0]), "not a readable zip"),
        })
        {
            using var response = await api.Client.PostJsonAsync("/api/v1/library/import/preview", body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(text, (await response.ReadJsonAsync())["detail"]!.GetValue<string>());
        }
        var escape = Zip(new Dictionary<string, string> { ["../escape.yaml"] = SamplePlaybooks.Hello() });
        using var preview = await api.Client.PostJsonAsync("/api/v1/library/import/preview", Upload("e.zip", escape));
        Assert.Equal("invalid", Assert.Single((await preview.ReadJsonAsync())["items"]!.AsArray())!["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_execution_exports_as_json_with_steps_outputs_events_and_artifacts_and_no_secret()
    {
        var path = api.WritePlaybook($"exec{Unique()}/hello.yaml", SamplePlaybooks.Hello());
        var id = await api.StartAsync(path, new { greeting = "hi", api_password = "start-secret-value" });
        await api.WaitForStartAsync(id);
        using var response = await api.Client.GetAsync($"/api/v1/executions/{id}/export");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"execution-{id}.json", response.Content.Headers.ContentDisposition?.ToString() ?? response.Headers.ToString());
        var text = await response.Content.ReadAsStringAsync();
        var export = JsonNode.Parse(text)!;
        Assert.Equal("ignition-toolkit-execution", export["format"]!.GetValue<string>());
        Assert.Equal(path, export["execution"]!["playbook_path"]!.GetValue<string>());
        foreach (var field in new[] { "steps", "events", "artifacts" }) Assert.NotNull(export[field]!.AsArray());
        Assert.NotNull(export["outputs"]!.AsObject());
        Assert.DoesNotContain("start-secret-value", text, StringComparison.Ordinal);
        using var missing = await api.Client.GetAsync($"/api/v1/executions/{Guid.NewGuid()}/export");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
