using Microsoft.Extensions.Hosting;

namespace IgnitionToolkit.Plugins.Perspective.Browser;

/// <summary>
/// In a hosted process (the Runner): kills browser processes left by a Runner that was killed, at start-up; closes the
/// browser at shutdown. Registered before the Runner's own services, so it stops after them (executions first).
/// </summary>
public sealed class BrowserLifetimeService(BrowserRuntime runtime) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        runtime.ReapLeftovers();
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await runtime.DisposeAsync();
}
