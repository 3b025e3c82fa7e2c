using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IgnitionToolkit.GatewaySimulator.Hosting;
using IgnitionToolkit.Testing;

namespace IgnitionToolkit.Functional.Tests.Infrastructure;

/// <summary>A gateway simulator in the test process with a fast restart, and a helper to run gateway playbooks on a stack.</summary>
public static class GatewayRun
{
    /// <summary>The simulator with one administrator <c>admin</c> whose password is <paramref name="password"/>.</summary>
    public static Task<SimulatorServer> StartSimulatorAsync(string password) => SimulatorServer.StartAsync(new Dictionary<string, string?>
    {
        ["Simulator:Users:0:Username"] = "admin",
        ["Simulator:Users:0:Password"] = password,
        ["Simulator:Users:0:Roles:0"] = "Administrator",
        ["Simulator:Restart:RefuseConnectionsFor"] = "00:00:00.300",
        ["Simulator:Restart:Duration"] = "00:00:01",
        ["Simulator:Restart:ModuleLoadDuration"] = "00:00:00.500",
    });

    /// <summary>Starts <paramref name="playbook"/> with a body of <c>POST /executions</c> and returns the execution id.</summary>
    public static async Task<Guid> StartAsync(ToolkitStack stack, object body)
    {
        using var response = await stack.Http.PostAsJsonAsync("api/v1/executions", body);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"POST /executions → {(int)response.StatusCode}: {text}");
        return Guid.Parse(JsonNode.Parse(text)!["id"]!.GetValue<string>());
    }
}
