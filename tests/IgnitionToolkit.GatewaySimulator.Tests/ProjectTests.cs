using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IgnitionToolkit.GatewaySimulator.Hosting;
using static IgnitionToolkit.GatewaySimulator.Tests.TestHelpers;

namespace IgnitionToolkit.GatewaySimulator.Tests;

[Trait("Category", "Functional")]
public sealed class ProjectTests
{
    [Fact]
    public async Task List_pages_and_searches_with_items_and_metadata()
    {
        await using var sim = await StartAsync();
        using var client = sim.CreateClient(SimulatorServer.ReadToken);

        var page = await GetJsonAsync(client, "data/api/v1/projects/list?limit=2&offset=1");
        Assert.Equal(2, page.GetProperty("items").GetArrayLength());
        var metadata = page.GetProperty("metadata");
        Assert.Equal(3, metadata.GetProperty("total").GetInt32());
        Assert.Equal(3, metadata.GetProperty("matching").GetInt32());
        Assert.Equal(2, metadata.GetProperty("limit").GetInt32());
        Assert.Equal(1, metadata.GetProperty("offset").GetInt32());

        var search = await GetJsonAsync(client, "data/api/v1/projects/list?search=scada");
        var item = Assert.Single(search.GetProperty("items").EnumerateArray());
        Assert.Equal("SCADA_Main", item.GetProperty("name").GetString());
        Assert.Equal("global", item.GetProperty("parent").GetString());
        foreach (var field in new[] { "description", "title", "enabled", "inheritable", "invalidParent", "mutable", "defaultDb", "tagProvider", "userSource", "identityProvider" })
        {
            Assert.True(item.TryGetProperty(field, out _), $"project item lacks '{field}'");
        }
        Assert.Equal(1, search.GetProperty("metadata").GetProperty("matching").GetInt32());
    }

    [Fact]
    public async Task Find_returns_a_project_or_404()
    {
        await using var sim = await StartAsync();
        using var client = sim.CreateClient(SimulatorServer.ReadToken);

        var project = await GetJsonAsync(client, "data/api/v1/projects/find/Demo_HMI");
        Assert.Equal("Demo HMI", project.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("data/api/v1/projects/find/Nope")).StatusCode);
    }

    [Fact]
    public async Task Export_then_import_under_a_new_name_then_409_without_overwrite()
    {
        await using var sim = await StartAsync();
        using var client = sim.CreateClient(SimulatorServer.WriteToken);

        using var export = await client.GetAsync("data/api/v1/projects/export/SCADA_Main");
        Assert.Equal("application/zip", export.Content.Headers.ContentType?.MediaType);
        var zip = await export.Content.ReadAsByteArrayAsync();
        Assert.Contains("SCADA Main", ReadZipEntry(zip, "project.json"));

        using var created = await client.PostAsync("data/api/v1/projects/import/SCADA_Copy", Binary(zip, "application/zip"));
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(body.GetProperty("success").GetBoolean());
        Assert.Equal("SCADA_Copy", body.GetProperty("changes")[0].GetProperty("name").GetString());
        Assert.Contains("SCADA_Copy", await ProjectNamesAsync(client));

        using var conflict = await client.PostAsync("data/api/v1/projects/import/SCADA_Copy?overwrite=false", Binary(zip, "application/zip"));
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.False((await conflict.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("success").GetBoolean());

        using var overwritten = await client.PostAsync("data/api/v1/projects/import/SCADA_Copy?overwrite=true", Binary(zip, "application/zip"));
        Assert.Equal(HttpStatusCode.OK, overwritten.StatusCode);
    }

    [Fact]
    public async Task Import_rejects_a_corrupt_zip_and_a_wrong_content_type()
    {
        await using var sim = await StartAsync();
        using var client = sim.CreateClient(SimulatorServer.WriteToken);

        using var corrupt = await client.PostAsync("data/api/v1/projects/import/Bad", Binary([1, 2, 3, 4], "application/zip"));
        Assert.Equal(HttpStatusCode.BadRequest, corrupt.StatusCode);
        using var json = await client.PostAsJsonAsync("data/api/v1/projects/import/Bad", new { });
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
        Assert.DoesNotContain("Bad", await ProjectNamesAsync(client));
    }

    [Fact]
    public async Task Scans_report_their_timestamp()
    {
        await using var sim = await StartAsync();
        using var client = sim.CreateClient(SimulatorServer.WriteToken);

        foreach (var path in new[] { "data/api/v1/scan/projects", "data/api/v1/scan/config" })
        {
            using var response = await client.PostAsync(path, null);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.False(body.GetProperty("scanActive").GetBoolean());
            Assert.True(body.GetProperty("lastScanTimestamp").GetInt64() > 0);
        }
    }

    [Fact]
    public async Task Concurrent_imports_are_all_kept()
    {
        await using var sim = await StartAsync();
        using var client = sim.CreateClient(SimulatorServer.WriteToken);
        var zip = await client.GetByteArrayAsync("data/api/v1/projects/export/Demo_HMI");

        var imports = Enumerable.Range(0, 20).Select(async i =>
        {
            using var response = await client.PostAsync($"data/api/v1/projects/import/Parallel_{i}", Binary(zip, "application/zip"));
            return response.StatusCode;
        });
        Assert.All(await Task.WhenAll(imports), status => Assert.Equal(HttpStatusCode.OK, status));

        var names = await ProjectNamesAsync(client);
        Assert.Equal(23, names.Count);
    }
}
