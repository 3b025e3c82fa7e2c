using System.Net;
using System.Security.Cryptography;
using IgnitionToolkit.Api.Artifacts;
using IgnitionToolkit.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using IgnitionToolkit.Contracts.Events;

namespace IgnitionToolkit.Api.Tests.Artifacts;

/// <summary>Artifacts a Runner saved (in the shared data folder) are listed and downloaded through the API, refused for
/// path tricks, and removed with their execution or by the retention cleanup.</summary>
[Trait("Category", "Functional")]
public sealed class ArtifactEndpointTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task A_saved_artifact_is_listed_with_its_hash_and_downloads_byte_identical()
    {
        var (id, content) = await RunWithArtifactAsync("backup.gwbk", "application/zip");

        var list = (await api.Client.GetJsonAsync($"/api/v1/executions/{id}/artifacts")).AsArray();
        var item = Assert.Single(list)!;
        Assert.Equal("backup.gwbk", item["name"]!.GetValue<string>());
        Assert.Equal(content.Length, item["size"]!.GetValue<long>());
        Assert.Equal("application/zip", item["content_type"]!.GetValue<string>());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), item["sha256"]!.GetValue<string>());
        Assert.Equal("backup", item["step_path"]!.GetValue<string>());
        var url = item["download_url"]!.GetValue<string>();
        Assert.Equal($"/api/v1/executions/{id}/artifacts/backup.gwbk", url);

        using var download = await api.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/zip", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(content, await download.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("..%2F..%2Ftoolkit.db", HttpStatusCode.BadRequest)]
    [InlineData("%2E%2E%2Ftoolkit.db", HttpStatusCode.BadRequest)]
    [InlineData("..%5Ctoolkit.db", HttpStatusCode.BadRequest)]
    [InlineData("other.txt", HttpStatusCode.NotFound)]
    public async Task Path_tricks_and_unknown_names_are_refused(string name, HttpStatusCode expected)
    {
        var (id, _) = await RunWithArtifactAsync("report.txt", "text/plain");

        using var response = await api.Client.GetAsync($"/api/v1/executions/{id}/artifacts/{name}");

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Deleting_a_finished_execution_removes_its_rows_and_files_but_a_running_one_is_refused()
    {
        var running = await api.StartAsync(api.WritePlaybook($"del/{Guid.NewGuid():N}.yaml", SamplePlaybooks.Hello()));
        await api.Runner.PublishAsync(api.Runner.Event(running, 1, Events.ExecutionStarted("Hello", 2)));
        await api.WaitForStatusAsync(running, "running");
        using (var refused = await api.Client.DeleteAsync($"/api/v1/executions/{running}"))
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);

        var (id, _) = await RunWithArtifactAsync("backup.gwbk", "application/zip");
        var folder = Path.Combine(api.DataDirectory, "artifacts", id.ToString());
        Assert.True(Directory.Exists(folder));

        using (var deleted = await api.Client.DeleteAsync($"/api/v1/executions/{id}"))
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);

        Assert.False(Directory.Exists(folder));
        using var gone = await api.Client.GetAsync($"/api/v1/executions/{id}");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        using var artifacts = await api.Client.GetAsync($"/api/v1/executions/{id}/artifacts");
        Assert.Equal(HttpStatusCode.NotFound, artifacts.StatusCode);
    }

    [Fact]
    public async Task The_retention_cleanup_removes_artifacts_older_than_the_setting_and_keeps_the_execution()
    {
        var (id, _) = await RunWithArtifactAsync("old.txt", "text/plain");
        var folder = Path.Combine(api.DataDirectory, "artifacts", id.ToString());
        var scopes = api.Factory.Services.GetRequiredService<IServiceScopeFactory>();

        var fresh = new ArtifactRetentionService(scopes, new ArtifactRetentionOptions(1, TimeSpan.FromHours(1)), TimeProvider.System,
            api.Factory.Services.GetRequiredService<IgnitionToolkit.Api.Cluster.JobLeases>(), NullLogger<ArtifactRetentionService>.Instance);
        await fresh.CleanupAsync(CancellationToken.None);
        Assert.True(Directory.Exists(folder), "artifacts younger than the retention are kept");

        var twoDaysLater = new ShiftedClock(TimeSpan.FromDays(2));
        var expired = new ArtifactRetentionService(scopes, new ArtifactRetentionOptions(1, TimeSpan.FromHours(1)), twoDaysLater,
            api.Factory.Services.GetRequiredService<IgnitionToolkit.Api.Cluster.JobLeases>(), NullLogger<ArtifactRetentionService>.Instance);
        Assert.True(await expired.CleanupAsync(CancellationToken.None) >= 1);

        Assert.False(Directory.Exists(folder));
        Assert.Empty((await api.Client.GetJsonAsync($"/api/v1/executions/{id}/artifacts")).AsArray());
        Assert.Equal("completed", (await api.GetExecutionAsync(id))["execution"]!["status"]!.GetValue<string>());
    }

    /// <summary>Plays a Runner that saves one artifact in the shared data folder and completes.</summary>
    private async Task<(Guid Id, byte[] Content)> RunWithArtifactAsync(string name, string contentType)
    {
        var id = await api.StartAsync(api.WritePlaybook($"art/{Guid.NewGuid():N}.yaml", SamplePlaybooks.Hello()));
        var content = RandomNumberGenerator.GetBytes(4096);
        var folder = Path.Combine(api.DataDirectory, "artifacts", id.ToString());
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        await File.WriteAllBytesAsync(path, content);
        var sha = Convert.ToHexStringLower(SHA256.HashData(content));
        await api.Runner.PublishAsync(api.Runner.Event(id, 1, Events.ExecutionStarted("Hello", 2)));
        await api.Runner.PublishAsync(api.Runner.Event(id, 2, Events.ArtifactSaved(Path.GetFileNameWithoutExtension(name) == "backup" ? "backup" : "say", name, contentType, content.Length, sha, path)));
        await api.Runner.PublishAsync(api.Runner.Event(id, 3, Events.ExecutionFinished("completed", null, 10)));
        await api.WaitForStatusAsync(id, "completed");
        return (id, content);
    }

    private sealed class ShiftedClock(TimeSpan shift) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + shift;
    }
}
