using IgnitionToolkit.Runner.Execution;
using IgnitionToolkit.Runner.Options;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IgnitionToolkit.Runner.Hosting;

/// <summary>
/// On SIGTERM, before any hosted service (the bus included) stops: refuse new executions, cancel every owned one
/// ("runner shutting down") and wait for their final events to be published, within <c>Runner:ShutdownGracePeriod</c>.
/// </summary>
public sealed partial class RunnerShutdownService(
    ExecutionRegistry registry,
    IOptions<RunnerOptions> options,
    ILogger<RunnerShutdownService> logger) : IHostedLifecycleService
{
    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        var owned = registry.Count;
        if (owned > 0) LogCancelling(logger, owned);
        var remaining = await registry.ShutdownAsync(ExecutionLauncher.ShutdownReason, options.Value.ShutdownGracePeriod).ConfigureAwait(false);
        if (remaining > 0) LogLeft(logger, remaining);
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Runner shutting down: cancelling {Count} execution(s)")]
    private static partial void LogCancelling(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} execution(s) did not end within the shutdown grace period")]
    private static partial void LogLeft(ILogger logger, int count);
}
