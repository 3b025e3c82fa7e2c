using IgnitionToolkit.Testing;

namespace IgnitionToolkit.Ops.Tests;

/// <summary>One API + Runner (real processes, real RabbitMQ, SQLite) shared by the stack tests; one execution with a
/// secret parameter has completed before the tests look at metrics and logs.</summary>
public sealed class StackFixture : IAsyncLifetime
{
    public const string Secret = "s3cr3t-Value-4711";

    public ToolkitStack Stack { get; private set; } = null!;
    public Guid ExecutionId { get; private set; }

    public async Task InitializeAsync()
    {
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
        ExecutionId = await Stack.StartExecutionAsync("ops/secret_log.yaml", new { api_token = Secret });
        await Stack.WaitForStatusAsync(ExecutionId, "completed");
    }

    public async Task DisposeAsync() => await Stack.DisposeAsync();
}
