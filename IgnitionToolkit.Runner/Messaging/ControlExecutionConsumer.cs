using IgnitionToolkit.Core.Messaging;
using IgnitionToolkit.Runner.Execution;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace IgnitionToolkit.Runner.Messaging;

/// <summary>Control commands are published to every Runner (each has its own temporary queue); only the owner acts.</summary>
public sealed partial class ControlExecutionConsumer(ExecutionRegistry registry, ILogger<ControlExecutionConsumer> logger)
    : IConsumer<ControlExecution>
{
    public Task Consume(ConsumeContext<ControlExecution> context)
    {
        var message = context.Message;
        if (!registry.TryGet(message.ExecutionId, out var execution)) return Task.CompletedTask;
        if (!ControlCommands.TryParse(message.Command, out var command))
        {
            LogUnknown(logger, message.Command, message.ExecutionId);
            return Task.CompletedTask;
        }

        if (execution.Control is null)
        {
            LogNotStarted(logger, message.Command, message.ExecutionId);
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
