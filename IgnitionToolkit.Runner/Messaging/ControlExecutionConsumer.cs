using IgnitionToolkit.Core.Execution;
using IgnitionToolkit.Core.Messaging;
using IgnitionToolkit.Runner.Execution;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace IgnitionToolkit.Runner.Messaging;

/// <summary>Control commands are published to every Runner (each has its own temporary queue); only the owner acts.
/// A cancel for an execution not owned here is remembered, so its start command is skipped if it comes later.</summary>
public sealed partial class ControlExecutionConsumer(
    ExecutionRegistry registry, EarlyCancellations earlyCancellations, ILogger<ControlExecutionConsumer> logger)
    : IConsumer<ControlExecution>
{
    public const string CancelledBeforeStartReason = "cancelled before it started";

    public Task Consume(ConsumeContext<ControlExecution> context)
    {
        var message = context.Message;
        var known = ControlCommands.TryParse(message.Command, out var command);
        if (!registry.TryGet(message.ExecutionId, out var execution))
        {
            if (known && command == ExecutionCommand.Cancel) earlyCancellations.Remember(message.ExecutionId);
            return Task.CompletedTask;
        }
        if (!known)
        {
            LogUnknown(logger, message.Command, message.ExecutionId);
            return Task.CompletedTask;
        }

        if (execution.Control is null)
        {
            if (command == ExecutionCommand.Cancel) execution.Cancel(CancelledBeforeStartReason);
            else LogNotStarted(logger, message.Command, message.ExecutionId);
            return Task.CompletedTask;
        }

        try
        {
            execution.Control.Send(command);
            LogSent(logger, message.Command, message.ExecutionId);
        }
        catch (InvalidOperationException ex)
        {
            LogRefused(logger, message.Command, message.ExecutionId, ex.Message);
        }
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Unknown control command '{Command}' for execution {ExecutionId} (expected pause, resume, skip, skip_back or cancel)")]
    private static partial void LogUnknown(ILogger logger, string command, Guid executionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Control command '{Command}' for execution {ExecutionId} arrived before it started; ignored")]
    private static partial void LogNotStarted(ILogger logger, string command, Guid executionId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Control command '{Command}' sent to execution {ExecutionId}")]
    private static partial void LogSent(ILogger logger, string command, Guid executionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Execution {ExecutionId} refused control command '{Command}': {Reason}")]
    private static partial void LogRefused(ILogger logger, string command, Guid executionId, string reason);
}
