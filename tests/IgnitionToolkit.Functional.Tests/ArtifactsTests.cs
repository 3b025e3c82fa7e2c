using System.Security.Cryptography;
using System.Text.Json.Nodes;
using IgnitionToolkit.Functional.Tests.Infrastructure;
using IgnitionToolkit.Testing;

namespace IgnitionToolkit.Functional.Tests;

/// <summary>The backup a Runner takes is an artifact of the execution: listed with its sha256 through the API, downloaded
/// byte-identical, and deleted with the execution.</summary>
public class ArtifactsTests
{
    [Fact]
    public async Task A_gateway_backup_is_listed_downloaded_byte_identical_and_removed_with_its_execution()
    {
        await using var simulator = await GatewayRun.StartSimulatorAsync("password");
        await using var stack = await ToolkitStack.StartAsync();
        var gatewayUrl = simulator.BaseAddress.ToString().TrimEnd('/');

        var id = await GatewayRun.StartAsync(stack, new
        {
            playbook = "gateway/backup_and_restart.yaml",
            parameters = new { gateway_url = gatewayUrl, username = "admin", password = "password" },
        });
        var execution = await stack.WaitForAsync(id, e => ToolkitStack.Status(e) is "completed" or "failed", timeoutSeconds: 180);
        Assert.True(ToolkitStack.Status(execution) == "completed", execution.ToJsonString());

        var artifacts = JsonNode.Parse(await stack.Http.GetStringAsync($"api/v1/executions/{id}/artifacts"))!.AsArray();
        var backup = Assert.Single(artifacts, a => a!["name"]!.GetValue<string>().EndsWith(".gwbk", StringComparison.Ordinal))!;
        Assert.Equal("backup", backup["step_path"]!.GetValue<string>());
        var bytes = await stack.Http.GetByteArrayAsync(backup["download_url"]!.GetValue<string>().TrimStart('/'));
        Assert.Equal(backup["size"]!.GetValue<long>(), bytes.Length);
        Assert.Equal(backup["sha256"]!.GetValue<string>(), Convert.ToHexStringLower(SHA256.HashData(bytes)));
        var step = execution["steps"]!.AsArray().Single(s => s!["step_path"]!.GetValue<string>() == "backup")!;
        Assert.Equal(backup["sha256"]!.GetValue<string>(), step["outputs"]!["sha256"]!.GetValue<string>());
        Assert.Equal("PK"u8.ToArray(), bytes[..2]); // a .gwbk is a zip

        var folder = Path.Combine(stack.DataDirectory, "artifacts", id.ToString());
        Assert.True(Directory.Exists(folder));
        using var deleted = await stack.Http.DeleteAsync($"api/v1/executions/{id}");
        Assert.Equal(System.Net.HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.False(Directory.Exists(folder));
        using var gone = await stack.Http.GetAsync($"api/v1/executions/{id}");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, gone.StatusCode);
    }
}
