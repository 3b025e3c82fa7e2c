using IgnitionToolkit.Core.Execution;
using IgnitionToolkit.Runner.Execution;
using IgnitionToolkit.Runner.Options;
using MassTransit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using IgnitionToolkit.Contracts;
using IgnitionToolkit.Contracts.Events;
using IgnitionToolkit.Contracts.Bus;

namespace IgnitionToolkit.Runner.Messaging;

/// <summary>
/// Takes a start command from the queue shared by all Runners. It holds the delivery only while waiting for a free
/// slot (the endpoint takes one message at a time, so the rest stay in the queue for other Runners), then starts the
/// execution in the background and acknowledges. A command that waited too long, or arrives while the Runner shuts
/// down, is put back at the end of the queue. A command whose execution was cancelled before any Runner took it
/// (see <see cref="EarlyCancellations"/>) is acknowledged without running, with an <c>execution_finished</c> cancelled event.
/// </summary>
public sealed partial class StartExecutionConsumer(
    ExecutionRegistry registry,
    ExecutionLauncher launcher,
    EarlyCancellations earlyCancellations,
    RunnerIdentity identity,
    IOptions<RunnerOptions> options,
    ILogger<StartExecutionConsumer> logger) : IConsumer<StartExecution>
{
    public async Task Consume(ConsumeContext<StartExecution> context)
    {
        var message = context.Message;
        if (registry.IsOwned(message.ExecutionId))
        {
            LogDuplicate(logger, message.ExecutionId);
            return;
        }
        if (earlyCancellations.TryConsume(message.ExecutionId))
        {
            await SkipCancelledAsync(context).ConfigureAwait(false);
            return;
        }

        bool acquired;
        try
        {
            acquired = !registry.IsShuttingDown &&
                await registry.WaitForSlotAsync(options.Value.SlotWaitTimeout, context.CancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            acquired = false;
        }

        if (!acquired)
        {
            LogRequeued(logger, message.ExecutionId, registry.IsShuttingDown ? "the Runner is shutting down" : "no free slot");
            var queue = await context.GetSendEndpoint(context.ReceiveContext.InputAddress).ConfigureAwait(false);
            await queue.Send(message, CancellationToken.None).ConfigureAwait(false);
            return;
        }

        if (earlyCancellations.TryConsume(message.ExecutionId))
        {
            registry.ReleaseSlot();
            await SkipCancelledAsync(context).ConfigureAwait(false);
            return;
        }

        await launcher.LaunchAsync(message).ConfigureAwait(false);
    }

    private async Task SkipCancelledAsync(ConsumeContext<StartExecution> context)
    {
        var id = context.Message.ExecutionId;
        LogSkipped(logger, id);
        var finished = new ExecutionFinishedEvent(DateTimeOffset.UtcNow, ExecutionStatus.Cancelled, CancelledReason, TimeSpan.Zero);
        await context.Publish(new ExecutionEventMessage(id, 1, identity.Id, finished), CancellationToken.None)
            .ConfigureAwait(false);
    }

    public const string CancelledReason = "cancelled before a Runner started it";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Start of execution {ExecutionId} received again while it runs here; ignored")]
    private static partial void LogDuplicate(ILogger logger, Guid executionId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Execution {ExecutionId} was cancelled before it started; skipped")]
    private static partial void LogSkipped(ILogger logger, Guid executionId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Start of execution {ExecutionId} put back in the queue: {Why}")]
    private static partial void LogRequeued(ILogger logger, Guid executionId, string why);
}
