using System.Net.Http.Json;
using System.Text.Json;
using IgnitionToolkit.Functional.Tests.Infrastructure;
using IgnitionToolkit.GatewaySimulator.Hosting;
using IgnitionToolkit.Testing;

namespace IgnitionToolkit.Functional.Tests;

/// <summary>
/// The gateway HTTP client keeps what docs/gateway-steps.md promises, in the real Runner process (whose host adds a
/// default resilience handler to every client): long transfers are not cut at 10 s, a POST is never retried, and a dead
/// gateway does not stop calls to another one.
/// </summary>
public sealed class GatewayHttpTests
{
    private const string Playbook = """
        name: Gateway HTTP
        version: "1.0"
        parameters:
          - { name: gateway_url, type: string, required: true }
        steps:
          - id: login
            type: gateway.login
            parameters: { url: "{{ parameter.gateway_url }}", username: admin, password: password }
            timeout: 120
          - id: act
            type: {{ACTION}}
            parameters: {{PARAMETERS}}
            timeout: 300
        """;

    [Fact]
    public async Task A_backup_download_longer_than_the_default_attempt_timeout_succeeds()
    {
        await using var simulator = await GatewayRun.StartSimulatorAsync("password");
        await using var stack = await ToolkitStack.StartAsync();
        await SetFaultsAsync(simulator, new { latencyMs = 45_000, pathPrefix = "/data/api/v1/backup" }); // 45 s before the download starts

        var execution = await RunAsync(stack, simulator, "gateway.backup", "{}");

        Assert.True(ToolkitStack.Status(execution) == "completed", execution.ToJsonString());
        Assert.Equal(1, await FaultedRequestsAsync(simulator)); // one GET: it was not cut and retried
    }

    [Fact]
    public async Task A_restart_answered_503_is_sent_once()
    {
        await using var simulator = await GatewayRun.StartSimulatorAsync("password");
        await using var stack = await ToolkitStack.StartAsync();
        await SetFaultsAsync(simulator, new { errorRate = 1.0, errorStatusCode = 503, pathPrefix = "/data/api/v1/restart-tasks/restart" });

        var execution = await RunAsync(stack, simulator, "gateway.restart", "{ wait_for_ready: false }");

        Assert.True(ToolkitStack.Status(execution) == "failed", execution.ToJsonString());
        Assert.Equal(1, await FaultedRequestsAsync(simulator));
    }

    [Fact]
    public async Task A_dead_gateway_does_not_stop_calls_to_another()
    {
        await using var simulator = await GatewayRun.StartSimulatorAsync("password");
        await using var stack = await ToolkitStack.StartAsync();
        var dead = await DeadAddressAsync();
        for (var i = 0; i < 3; i++)
        {
            var failed = await RunAsync(stack, dead, "gateway.ping", "{}");
            Assert.True(ToolkitStack.Status(failed) == "failed", failed.ToJsonString());
        }

        var healthy = await RunAsync(stack, simulator.BaseAddress.ToString().TrimEnd('/'), "gateway.ping", "{}");

        Assert.True(ToolkitStack.Status(healthy) == "completed", healthy.ToJsonString());
    }

    private static Task<System.Text.Json.Nodes.JsonNode> RunAsync(ToolkitStack stack, SimulatorServer simulator, string action, string parameters) =>
        RunAsync(stack, simulator.BaseAddress.ToString().TrimEnd('/'), action, parameters);

    private static async Task<System.Text.Json.Nodes.JsonNode> RunAsync(ToolkitStack stack, string gatewayUrl, string action, string parameters)
    {
        var name = $"http/{action.Replace('.', '_')}_{Guid.NewGuid():N}.yaml";
        var file = Path.Combine(stack.Library, name);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, Playbook.Replace("{{ACTION}}", action, StringComparison.Ordinal)
            .Replace("{{PARAMETERS}}", parameters, StringComparison.Ordinal));
        var id = await stack.StartExecutionAsync(name, new { gateway_url = gatewayUrl });
        return await stack.WaitForAsync(id, e => ToolkitStack.Status(e) is "completed" or "failed" or "cancelled" or "interrupted", timeoutSeconds: 400);
    }

    private static async Task SetFaultsAsync(SimulatorServer simulator, object faults)
    {
        using var client = simulator.CreateClient();
        using var response = await client.PostAsJsonAsync("__simulator/faults", faults);
        response.EnsureSuccessStatusCode();
    }

    private static async Task<int> FaultedRequestsAsync(SimulatorServer simulator)
    {
        using var client = simulator.CreateClient();
        var state = await client.GetFromJsonAsync<JsonElement>("__simulator/state");
        return state.GetProperty("faultedRequests").GetInt32();
    }

    /// <summary>A local address where nothing listens (a port taken and released again).</summary>
    private static Task<string> DeadAddressAsync()
    {
        return Task.FromResult($"http://127.0.0.1:{TestPorts.Free()}");
    }
}
