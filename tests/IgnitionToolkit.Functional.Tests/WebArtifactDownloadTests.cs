using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using IgnitionToolkit.Functional.Tests.Infrastructure;
using IgnitionToolkit.Testing;
using Xunit.Abstractions;

namespace IgnitionToolkit.Functional.Tests;

/// <summary>
/// A 500 MB artifact downloaded through the Web process (<c>/download/artifacts/...</c>, streamed from the API) arrives
/// whole and byte-identical while the Web's resident memory stays flat. The artifact is a real backup a Runner took and
/// the API registered; its file is then replaced by a generated 500 MB one (the API serves the file as it is on disk).
/// </summary>
public sealed class WebArtifactDownloadTests(ITestOutputHelper output)
{
    private const long Size = 500L * 1024 * 1024;
    private const long MaxGrowth = 100L * 1024 * 1024;

    private const string BackupPlaybook = """
        name: Backup only
        version: "1.0"
        parameters:
          - name: gateway_url
            type: string
            required: true
          - name: password
            type: string
            required: true
        steps:
          - id: login
            name: Log in
            type: gateway.login
            parameters:
              url: "{{ parameter.gateway_url }}"
              username: admin
              password: "{{ parameter.password }}"
          - id: backup
            name: Back up
            type: gateway.backup
        """;

    [Fact]
    public async Task A_500_MB_artifact_streams_through_the_web_byte_identical_with_flat_memory()
    {
        await using var simulator = await GatewayRun.StartSimulatorAsync("password");
        await using var stack = await ToolkitStack.StartAsync();
        await using var web = await WebProcess.StartAsync(stack);
        await File.WriteAllTextAsync(Path.Combine(stack.Library, "gateway", "backup_only.yaml"), BackupPlaybook);
        var id = await stack.StartExecutionAsync("gateway/backup_only.yaml",
            new { gateway_url = simulator.BaseAddress.ToString().TrimEnd('/'), password = "password" });
        var execution = await stack.WaitForAsync(id, e => ToolkitStack.Status(e) is "completed" or "failed", timeoutSeconds: 180);
        Assert.True(ToolkitStack.Status(execution) == "completed", execution.ToJsonString());
        var artifact = JsonNode.Parse(await stack.Http.GetStringAsync($"api/v1/executions/{id}/artifacts"))!.AsArray().Single()!;
        var name = artifact["name"]!.GetValue<string>();
        var file = Path.Combine(stack.DataDirectory, "artifacts", id.ToString(), name);
        var url = $"download/artifacts/{id}/{Uri.EscapeDataString(name)}";

        using var client = await WebSession.SignInAsync(web, ToolkitStack.AdminUser, ToolkitStack.AdminPassword, TimeSpan.FromMinutes(30));
        // The backup as the Runner saved it, through the same endpoint: also warms the Web's download path up.
        var (smallLength, smallHash, _) = await DownloadAsync(client, url, web.Id);
        Assert.Equal(artifact["size"]!.GetValue<long>(), smallLength);
        Assert.Equal(artifact["sha256"]!.GetValue<string>(), smallHash);

        try
        {
            var expected = await WriteLargeFileAsync(file);
            var before = ResidentBytes(web.Id);
            var (length, hash, peak) = await DownloadAsync(client, url, web.Id);
            var after = ResidentBytes(web.Id);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Web RSS: before {Mb(before)} MB, peak {Mb(peak)} MB, after {Mb(after)} MB; growth {Mb(peak - before)} MB for {Mb(length)} MB"));

            Assert.Equal(Size, length);
            Assert.Equal(expected, hash);
            Assert.True(peak - before < MaxGrowth,
                $"the Web's memory grew by {Mb(peak - before)} MB while streaming {Mb(Size)} MB (before {Mb(before)} MB, peak {Mb(peak)} MB)");
            using var health = await client.GetAsync("health");
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }
        finally
        {
            File.Delete(file); // 500 MB: not left for the stack's folder removal, which may fail on a busy file
        }
    }

    /// <summary>Reads the download to the end in 1 MiB pieces, hashing it and sampling the Web's RSS every 8 MiB
    /// (by the bytes read, not by time): (length, sha256 hex, highest RSS seen).</summary>
    private static async Task<(long Length, string Sha256, long PeakRss)> DownloadAsync(HttpClient client, string url, int webPid)
    {
        using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using var stream = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[1024 * 1024];
        long length = 0, nextSample = 0, peak = ResidentBytes(webPid);
        int read;
        while ((read = await stream.ReadAsync(buffer)) > 0)
        {
            sha.AppendData(buffer, 0, read);
            length += read;
            if (length < nextSample) continue;
            peak = Math.Max(peak, ResidentBytes(webPid));
            nextSample = length + 8 * 1024 * 1024;
        }
        peak = Math.Max(peak, ResidentBytes(webPid));
        if (response.Content.Headers.ContentLength is { } declared) Assert.Equal(declared, length);
        return (length, Convert.ToHexStringLower(sha.GetHashAndReset()), peak);
    }

    /// <summary>Writes <see cref="Size"/> bytes of seeded random data (a fresh 1 MiB block for every MiB, so nothing
    /// repeats) and returns their sha256.</summary>
    private static async Task<string> WriteLargeFileAsync(string path)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var random = new Random(500);
        var block = new byte[1024 * 1024];
        await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1024 * 1024, useAsync: true);
        for (long written = 0; written < Size; written += block.Length)
        {
#pragma warning disable CA5394 // test data, not a secret
            random.NextBytes(block);
#pragma warning restore CA5394
            sha.AppendData(block);
            await file.WriteAsync(block);
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <summary>The resident set size of a process (<c>VmRSS</c> of <c>/proc/&lt;pid&gt;/status</c>), in bytes.</summary>
    private static long ResidentBytes(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (!line.StartsWith("VmRSS:", StringComparison.Ordinal)) continue;
            var kilobytes = line["VmRSS:".Length..].Trim().Split(' ')[0];
            return long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
        }
        throw new InvalidOperationException($"no VmRSS for process {pid}");
    }

    private static string Mb(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("0.0", CultureInfo.InvariantCulture);
}
