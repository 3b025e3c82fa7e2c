using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IgnitionToolkit.Api.Tests.Infrastructure;
using IgnitionToolkit.Core.Configuration;
using IgnitionToolkit.Plugins.Perspective.Visual;
using SkiaSharp;

namespace IgnitionToolkit.Api.Tests.Baselines;

/// <summary>The Baselines API over the files a comparison step leaves: a pending picture is listed, approving it (an
/// operator, audited) makes it the baseline and a second approval finds nothing pending; pictures are served; keys that
/// are not the store's own cannot reach any other file.</summary>
[Trait("Category", "Functional")]
public sealed class BaselineApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task A_pending_picture_is_listed_approved_audited_and_served()
    {
        var playbook = $"visual-{Guid.NewGuid():N}/screen.yaml";
        var file = Path.Combine(api.PlaybooksDirectory, playbook);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, "name: Screen\nsteps: []\n");
        var store = new BaselineStore(new ToolkitPaths(api.DataDirectory, api.PlaybooksDirectory, api.PluginsDirectory));
        var location = store.Locate(playbook, "overview", 1280, 720);
        var png = Png(4, 3);
        store.WritePending(location, png); // what the step's first run leaves

        var listed = Entry(await api.Client.GetFromJsonAsync<JsonArray>("/api/v1/baselines"), playbook);
        Assert.Equal("overview-1280x720", listed["key"]!.GetValue<string>());
        Assert.True(listed["pending"]!.GetValue<bool>());
        Assert.False(listed["approved"]!.GetValue<bool>());

        using (var approved = await api.Client.PostAsJsonAsync("/api/v1/baselines/approve", new { playbook_path = playbook, key = "overview-1280x720" }))
        {
            var body = await approved.Content.ReadAsStringAsync();
            Assert.True(approved.StatusCode == HttpStatusCode.OK, body);
            var dto = JsonNode.Parse(body)!;
            Assert.Equal(ApiFixture.AdminUser, dto["approved_by"]!.GetValue<string>());
            Assert.Equal(4, dto["width"]!.GetValue<int>());
        }
        var image = await api.Client.GetByteArrayAsync($"/api/v1/baselines/image?playbook={Uri.EscapeDataString(playbook)}&key=overview-1280x720");
        Assert.Equal(png, image);
        var audit = await api.Client.GetJsonAsync($"/api/v1/audit?action=baseline.approved&targetId={Uri.EscapeDataString(playbook + "#overview-1280x720")}");
        Assert.Equal(ApiFixture.AdminUser, Assert.Single(audit["items"]!.AsArray())!["user"]!.GetValue<string>());

        using var again = await api.Client.PostAsJsonAsync("/api/v1/baselines/approve", new { playbook_path = playbook, key = "overview-1280x720" });
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Contains("waits for approval", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // a later approval keeps the earlier baseline in the history, with who approved it; its picture is served by version
        store.WritePending(location, Png(5, 3));
        using (var second = await api.Client.PostAsJsonAsync("/api/v1/baselines/approve", new { playbook_path = playbook, key = "overview-1280x720" }))
            Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var relisted = Entry(await api.Client.GetFromJsonAsync<JsonArray>("/api/v1/baselines"), playbook);
        Assert.Equal(1, relisted["history_count"]!.GetValue<int>());
        var earlier = Assert.Single(relisted["history"]!.AsArray())!;
        Assert.Equal(ApiFixture.AdminUser, earlier["approved_by"]!.GetValue<string>());
        var version = earlier["version"]!.GetValue<string>();
        Assert.Equal(png, await api.Client.GetByteArrayAsync(
            $"/api/v1/baselines/image?playbook={Uri.EscapeDataString(playbook)}&key=overview-1280x720&version={version}"));
        using var gone = await api.Client.GetAsync($"/api/v1/baselines/image?playbook={Uri.EscapeDataString(playbook)}&key=overview-1280x720&version=19990101T000000Z");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task Bad_requests_are_problems_and_keys_cannot_leave_the_baselines_folder()
    {
        using var missing = await api.Client.PostAsJsonAsync("/api/v1/baselines/approve", new { playbook_path = "a.yaml" });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("\"key\"", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        foreach (var key in new[] { "../../secrets-1x1", "overview", "..%2F..%2Fvault-1x1" })
        {
            using var response = await api.Client.GetAsync($"/api/v1/baselines/image?playbook=a.yaml&key={key}");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        using var version = await api.Client.GetAsync("/api/v1/baselines/image?playbook=a.yaml&key=overview-1x1&version=latest");
        Assert.Equal(HttpStatusCode.BadRequest, version.StatusCode);
    }

    private static JsonNode Entry(JsonArray? list, string playbook) =>
        Assert.Single(list!, e => e!["playbook_path"]!.GetValue<string>() == playbook)!;

    private static byte[] Png(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(SKColors.SteelBlue);
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
