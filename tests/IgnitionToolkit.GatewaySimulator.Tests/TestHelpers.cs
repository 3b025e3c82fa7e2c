using System.IO.Compression;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using IgnitionToolkit.GatewaySimulator.Hosting;
using IgnitionToolkit.Testing;

namespace IgnitionToolkit.GatewaySimulator.Tests;

internal static class TestHelpers
{
    /// <summary>Fast restarts for tests; the STARTING phase is longer than one poll interval.</summary>
    public static Dictionary<string, string?> FastRestart(int refuseMs = 300, int durationMs = 1500, int moduleLoadMs = 800) => new()
    {
        ["Simulator:Restart:RefuseConnectionsFor"] = TimeSpan.FromMilliseconds(refuseMs).ToString(),
        ["Simulator:Restart:Duration"] = TimeSpan.FromMilliseconds(durationMs).ToString(),
        ["Simulator:Restart:ModuleLoadDuration"] = TimeSpan.FromMilliseconds(moduleLoadMs).ToString(),
    };

    /// <summary>StatusPing's state, or "REFUSED" when the connection is dropped.</summary>
    public static async Task<string> PingAsync(HttpClient client)
    {
        try
        {
            using var response = await client.GetAsync("StatusPing");
            if (!response.IsSuccessStatusCode)
            {
                return $"HTTP{(int)response.StatusCode}";
            }
            var json = await response.Content.ReadFromJsonAsync<JsonElement>();
            return json.GetProperty("state").GetString()!;
        }
        catch (HttpRequestException)
        {
            return "REFUSED";
        }
    }

    /// <summary>Polls StatusPing every <paramref name="interval"/> until RUNNING follows a non-RUNNING state; returns the states seen.</summary>
    public static async Task<List<string>> WaitThroughRestartAsync(HttpClient client, TimeSpan interval, TimeSpan timeout)
    {
        var seen = new List<string>();
        await Wait.UntilAsync(async () =>
        {
            var state = await PingAsync(client);
            if (seen.Count == 0 || seen[^1] != state)
            {
                seen.Add(state);
            }
            return state == "RUNNING" && seen.Count > 1;
        }, timeout, "the gateway to come back after its restart", () => "states " + string.Join(" → ", seen), interval);
        return seen;
    }

    public static async Task<JsonElement> GetJsonAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"GET {path} answered {(int)response.StatusCode}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<List<string>> ProjectNamesAsync(HttpClient client)
    {
        var json = await GetJsonAsync(client, "data/api/v1/projects/names");
        return [.. json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()!)];
    }

    public static byte[] Zip(params (string Path, string Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (path, content) in entries)
            {
                using var stream = zip.CreateEntry(path).Open();
                stream.Write(Encoding.UTF8.GetBytes(content));
            }
        }
        return buffer.ToArray();
    }

    public static string ReadZipEntry(byte[] zipBytes, string path)
    {
        using var zip = new ZipArchive(new MemoryStream(zipBytes), ZipArchiveMode.Read);
        var entry = zip.GetEntry(path) ?? throw new Xunit.Sdk.XunitException($"Zip has no entry '{path}'.");
        using var reader = new StreamReader(entry.Open());
        return reader.ReadToEnd();
    }

    public static ByteArrayContent Binary(byte[] bytes, string contentType)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        return content;
    }

    public static Task<SimulatorServer> StartAsync(Dictionary<string, string?>? settings = null) => SimulatorServer.StartAsync(settings);
}
