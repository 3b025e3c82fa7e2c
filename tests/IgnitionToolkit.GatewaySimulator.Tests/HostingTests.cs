using System.Diagnostics;
using System.Text.Json;
using IgnitionToolkit.GatewaySimulator.Hosting;
using Microsoft.Extensions.Configuration;
using static IgnitionToolkit.GatewaySimulator.Tests.TestHelpers;

namespace IgnitionToolkit.GatewaySimulator.Tests;

[Trait("Category", "Functional")]
public sealed class HostingTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void Urls_come_from_urls_then_PORT_then_the_default()
    {
        Assert.Equal("http://0.0.0.0:9000", SimulatorApp.ResolveUrls(Config(("urls", "http://0.0.0.0:9000"), ("PORT", "7000"))));
        Assert.Equal("http://127.0.0.1:7000", SimulatorApp.ResolveUrls(Config(("PORT", "7000"))));
        Assert.Equal("http://127.0.0.1:8088", SimulatorApp.ResolveUrls(Config()));
        Assert.Null(SimulatorApp.ResolveUrls(Config(("http_ports", "8080"))));
    }

    [Fact]
    public async Task The_simulator_runs_as_a_standalone_process_configured_by_environment()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "IgnitionToolkit.GatewaySimulator.dll");
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["Simulator__GatewayName"] = "Standalone-GW";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the simulator");
        var listening = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            const string marker = "Now listening on: ";
            if (e.Data?.Contains(marker) == true)
            {
                listening.TrySetResult(e.Data[(e.Data.IndexOf(marker, StringComparison.Ordinal) + marker.Length)..].Trim());
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var address = await listening.Task.WaitAsync(TimeSpan.FromSeconds(30));
            using var client = new HttpClient { BaseAddress = new Uri(address + "/") };
            client.DefaultRequestHeaders.Add("X-Ignition-API-Token", SimulatorServer.ReadToken);

            Assert.Equal("RUNNING", await PingAsync(client));
            var info = JsonDocument.Parse(await client.GetStringAsync("data/api/v1/gateway-info")).RootElement;
            Assert.Equal("Standalone-GW", info.GetProperty("name").GetString());
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }
}
