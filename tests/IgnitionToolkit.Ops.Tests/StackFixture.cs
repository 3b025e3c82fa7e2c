using IgnitionToolkit.GatewaySimulator.Hosting;
using IgnitionToolkit.Testing;

namespace IgnitionToolkit.Ops.Tests;

/// <summary>One API + Runner (real processes, real RabbitMQ, SQLite) shared by the stack tests. Before the tests look at
/// metrics and logs, three executions have ended: one with a secret parameter, one pinging the gateway simulator, one
/// pinging a closed port (gateway errors).</summary>
public sealed class StackFixture : IAsyncLifetime
{
    public const string Secret = "s3cr3t-Value-4711";

    public ToolkitStack Stack { get; private set; } = null!;
    public SimulatorServer Gateway { get; private set; } = null!;
    public Guid ExecutionId { get; private set; }

    public async Task InitializeAsync()
    {
        Gateway = await SimulatorServer.StartAsync();
        Stack = await ToolkitStack.StartAsync();
        Directory.CreateDirectory(Path.Combine(Stack.Library, "ops"));
        await File.WriteAllTextAsync(Path.Combine(Stack.Library, "ops", "secret_log.yaml"), """
            name: Secret log
            version: "1.0"
            parameters:
              - name: api_token
                type: string
                required: true
            steps:
              - id: say
                name: Say it
                type: utility.log
                parameters:
                  message: "token is {{ parameter.api_token }}"
              - id: pause
                name: Pause
                type: utility.wait
                parameters:
                  seconds: 0.1
            """);
        await File.WriteAllTextAsync(Path.Combine(Stack.Library, "ops", "ping.yaml"), """
            name: Ping
            version: "1.0"
            parameters:
              - name: url
                type: string
                required: true
            steps:
              - id: ping
                name: Ping the gateway
                type: gateway.ping
                parameters:
                  url: "{{ parameter.url }}"
            """);
        ExecutionId = await Stack.StartExecutionAsync("ops/secret_log.yaml", new { api_token = Secret });
        await Stack.WaitForStatusAsync(ExecutionId, "completed");
        var reachable = await Stack.StartExecutionAsync("ops/ping.yaml", new { url = Gateway.BaseAddress.ToString().TrimEnd('/') });
        await Stack.WaitForStatusAsync(reachable, "completed");
        var closed = await Stack.StartExecutionAsync("ops/ping.yaml", new { url = "http://127.0.0.1:1" });
        await Stack.WaitForStatusAsync(closed, "failed");
    }

    public async Task DisposeAsync()
    {
        await Stack.DisposeAsync();
        await Gateway.DisposeAsync();
    }
}
