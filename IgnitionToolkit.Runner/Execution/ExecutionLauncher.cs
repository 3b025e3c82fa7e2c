using IgnitionToolkit.Core.Execution;
using IgnitionToolkit.Runner.Options;
using MassTransit;
using Microsoft.Extensions.Logging;
using IgnitionToolkit.Contracts;
using IgnitionToolkit.Contracts.Events;
using IgnitionToolkit.Contracts.Bus;

namespace IgnitionToolkit.Runner.Execution;

/// <summary>Starts an execution in the background for a slot already taken, and frees the slot when the execution
/// has ended and all its events are published.</summary>
public sealed partial class ExecutionLauncher(
    ExecutionRegistry registry,
    ExecutionRequestFactory requests,
    IPlaybookEngine engine,
    RunnerIdentity identity,
    IBus bus,
    IHostApplicationLifetime lifetime,
    ILogger<ExecutionLauncher> logger)
{
    public const string ShutdownReason = "runner shutting down";

    /// <summary>Registers and starts the execution; returns once it runs (the caller's slot now belongs to it).</summary>
    public async Task LaunchAsync(StartExecution message)
    {
        var owned = new OwnedExecution(message.ExecutionId);
        if (!registry.TryAdd(owned))
        {
            registry.ReleaseSlot();
            owned.Dispose();
            LogDuplicate(logger, message.ExecutionId);
            return;
        }

        using var scope = logger.BeginScope(new Dictionary<string, object> { ["ExecutionId"] = message.ExecutionId }); // every log line of the execution
        var observer = new BusExecutionObserver(message.ExecutionId, identity.Id, bus, logger, () => owned.CancelReason, lifetime.ApplicationStopped)
        {
            Telemetry = new Observability.ExecutionTelemetry(message.ExecutionId, message.PlaybookPath, System.Diagnostics.Activity.Current?.Context ?? default),
        };
        if (registry.IsShuttingDown) owned.Cancel(ShutdownReason);
        Task<ExecutionStatus> completion;
        try
        {
            var request = requests.Create(message, out var error);
            if (request is null)
            {
                LogRejected(logger, message.ExecutionId, message.PlaybookPath, error);
                await observer.OnEventAsync(Failed(error), CancellationToken.None).ConfigureAwait(false);
                completion = Task.FromResult(ExecutionStatus.Failed);
            }
            else
            {
                var running = engine.Start(request, observer, owned.Token);
                owned.Control = running.Control;
                if (owned.CancelReason is { } reason) owned.Cancel(reason);
                completion = running.Completion;
                LogStarted(logger, message.ExecutionId, message.PlaybookPath);
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogStartFailed(logger, ex, message.ExecutionId);
            await observer.OnEventAsync(Failed($"the Runner could not start the execution: {ex.Message}"), CancellationToken.None).ConfigureAwait(false);
            completion = Task.FromResult(ExecutionStatus.Failed);
        }

        _ = FinishAsync(owned, observer, completion);
    }

    private async Task FinishAsync(OwnedExecution owned, BusExecutionObserver observer, Task<ExecutionStatus> completion)
    {
        try
        {
            var status = await completion.ConfigureAwait(false);
            if (!observer.SawFinished)
            {
                await observer.OnEventAsync(new ExecutionFinishedEvent(DateTimeOffset.UtcNow, status, null, TimeSpan.Zero), CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogEngineFailed(logger, ex, owned.ExecutionId);
            if (!observer.SawFinished)
            {
                var status = owned.CancelReason is not null && ex is OperationCanceledException ? ExecutionStatus.Cancelled : ExecutionStatus.Failed;
                await observer.OnEventAsync(new ExecutionFinishedEvent(DateTimeOffset.UtcNow, status, owned.CancelReason ?? ex.Message, TimeSpan.Zero), CancellationToken.None).ConfigureAwait(false);
            }
        }
        finally
        {
            await observer.CompleteAsync().ConfigureAwait(false);
            registry.Remove(owned);
            owned.MarkEnded();
            owned.Dispose();
            LogEnded(logger, owned.ExecutionId);
        }
    }

    private static ExecutionFinishedEvent Failed(string? error) =>
        new(DateTimeOffset.UtcNow, ExecutionStatus.Failed, error, TimeSpan.Zero);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Execution {ExecutionId} is already owned by this Runner; duplicate start ignored")]
    private static partial void LogDuplicate(ILogger logger, Guid executionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Execution {ExecutionId} ({PlaybookPath}) rejected: {Error}")]
    private static partial void LogRejected(ILogger logger, Guid executionId, string playbookPath, string? error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Execution {ExecutionId} ({PlaybookPath}) started")]
    private static partial void LogStarted(ILogger logger, Guid executionId, string playbookPath);

    [LoggerMessage(Level = LogLevel.Error, Message = "Execution {ExecutionId} could not be started")]
    private static partial void LogStartFailed(ILogger logger, Exception ex, Guid executionId);

    [LoggerMessage(Level = LogLevel.Error, Message = "The engine failed while running execution {ExecutionId}")]
    private static partial void LogEngineFailed(ILogger logger, Exception ex, Guid executionId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Execution {ExecutionId} ended; its events are published")]
    private static partial void LogEnded(ILogger logger, Guid executionId);
}
