using System.Net;
using System.Text.Json;
using IgnitionToolkit.GatewaySimulator.Hosting;
using static IgnitionToolkit.GatewaySimulator.Tests.TestHelpers;

namespace IgnitionToolkit.GatewaySimulator.Tests;

[Trait("Category", "Functional")]
public sealed class BackupRestoreTests
{
    [Fact]
    public async Task Backup_is_a_gwbk_zip_with_a_manifest()
    {
        await using var sim = await StartAsync();
        using var client = sim.CreateClient(SimulatorServer.ReadToken);

        using var response = await client.GetAsync("data/api/v1/backup");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/octet-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".gwbk", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var manifest = JsonDocument.Parse(ReadZipEntry(await response.Content.ReadAsByteArrayAsync(), "backup-manifest.json")).RootElement;
        Assert.Equal("Ignition-Simulator", manifest.GetProperty("gatewayName").GetString());
        Assert.Equal("8.3.8 (b2026071409)", manifest.GetProperty("version").GetString());
        Assert.True(DateTimeOffset.TryParse(manifest.GetProperty("timestamp").GetString(), out _));
        Assert.Equal(3, manifest.GetProperty("projects").GetArrayLength());
    }

    [Fact]
    public async Task Restore_brings_the_backed_up_state_back_after_a_restart()
    {
        await using var sim = await StartAsync(FastRestart());
        using var client = sim.CreateClient(SimulatorServer.WriteToken);
        var original = await ProjectNamesAsync(client);
        var backup = await client.GetByteArrayAsync("data/api/v1/backup");

        var zip = await client.GetByteArrayAsync("data/api/v1/projects/export/Demo_HMI");
        (await client.PostAsync("data/api/v1/projects/import/Added_Later", Binary(zip, "application/zip"))).EnsureSuccessStatusCode();
        (await client.DeleteAsync("__simulator/projects/SCADA_Main")).EnsureSuccessStatusCode();
        Assert.NotEqual(original, await ProjectNamesAsync(client));

        using var restore = await client.PostAsync("data/api/v1/backup", Binary(backup, "application/octet-stream"));
        Assert.Equal(HttpStatusCode.OK, restore.StatusCode);
        Assert.Equal("Restore operation successfully initiated", await restore.Content.ReadAsStringAsync());

        var states = await WaitThroughRestartAsync(client, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(120));
        Assert.Contains("STARTING", states);
        Assert.Equal(original, await ProjectNamesAsync(client));
        var project = await GetJsonAsync(client, "data/api/v1/projects/find/SCADA_Main");
        Assert.Equal("SCADA Main", project.GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_corrupt_file_or_an_incompatible_version_is_rejected_with_400_and_changes_nothing()
    {
        await using var sim = await StartAsync(FastRestart());
        using var client = sim.CreateClient(SimulatorServer.WriteToken);
        var before = await ProjectNamesAsync(client);

        using var corrupt = await client.PostAsync("data/api/v1/backup", Binary([0x50, 0x4b, 9, 9, 9], "application/octet-stream"));
        Assert.Equal(HttpStatusCode.BadRequest, corrupt.StatusCode);

        var newer = Zip(("backup-manifest.json",
            """{"gatewayName":"Future","version":"8.4.0 (b2027010101)","timestamp":"2027-01-01T00:00:00Z","projects":[]}"""));
        using var incompatible = await client.PostAsync("data/api/v1/backup", Binary(newer, "application/octet-stream"));
        Assert.Equal(HttpStatusCode.BadRequest, incompatible.StatusCode);
        Assert.Contains("incompatible", await incompatible.Content.ReadAsStringAsync());

        Assert.Equal("RUNNING", await PingAsync(client));
        Assert.Equal(before, await ProjectNamesAsync(client));
        Assert.Equal("Ignition-Simulator", (await GetJsonAsync(client, "data/api/v1/gateway-info")).GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_backup_from_an_older_8_x_restores_into_a_newer_gateway()
    {
        await using var sim = await StartAsync(FastRestart());
        using var client = sim.CreateClient(SimulatorServer.WriteToken);

        var older = Zip(("backup-manifest.json",
            """{"gatewayName":"Old","version":"8.1.44","timestamp":"2025-01-01T00:00:00Z","projects":[{"name":"Legacy","title":"Legacy"}]}"""));
        using var restore = await client.PostAsync("data/api/v1/backup", Binary(older, "application/octet-stream"));
        Assert.Equal(HttpStatusCode.OK, restore.StatusCode);

        await WaitThroughRestartAsync(client, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(120));
        Assert.Equal(new[] { "Legacy" }, await ProjectNamesAsync(client));
        Assert.Equal("Old", (await GetJsonAsync(client, "data/api/v1/gateway-info")).GetProperty("name").GetString());
    }
}
