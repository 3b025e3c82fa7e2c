using IgnitionToolkit.Testing;

namespace IgnitionToolkit.Cli.Tests.Remote;

/// <summary>One real toolkit back end (API + Runner processes, the test broker, SQLite) shared by the remote command tests.</summary>
public sealed class RemoteStackFixture : IAsyncLifetime
{
    public const string Collection = "remote stack";

    public ToolkitStack Stack { get; private set; } = null!;

    /// <summary>The API's URL as a user gives it to <c>--server</c> (no trailing slash).</summary>
    public string Server => Stack.Api.BaseAddress.ToString().TrimEnd('/');

    public async Task InitializeAsync() => Stack = await ToolkitStack.StartAsync();

    public async Task DisposeAsync()
    {
        if (Stack is null) return;
        var prefix = Stack.Prefix;
        await Stack.DisposeAsync();
        await TestBroker.DeleteAsync(prefix);
    }
}

/// <summary>The remote command tests share one stack (its processes are the costly part) and run one after another.</summary>
[CollectionDefinition(RemoteStackFixture.Collection)]
public sealed class RemoteStackCollection : ICollectionFixture<RemoteStackFixture>;
