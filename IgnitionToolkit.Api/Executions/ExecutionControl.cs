using IgnitionToolkit.Api.Messaging;
using IgnitionToolkit.Api.Persistence;
using IgnitionToolkit.Api.Problems;
using IgnitionToolkit.Core.Execution;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using IgnitionToolkit.Contracts;
using IgnitionToolkit.Contracts.Bus;
using IgnitionToolkit.Core.Execution.Status;

namespace IgnitionToolkit.Api.Executions;

/// <summary>Pause, resume, skip, skip back, cancel: published as <see cref="ControlExecution"/> to every Runner
/// (command wire names: pause, resume, skip, skip_back, cancel). Cancelling a pending execution cancels it at once.</summary>
public sealed partial class ExecutionControl(
    ToolkitDbContext db, IPublishEndpoint publisher, TimeProvider clock, ILogger<ExecutionControl> logger, Notifications.ExecutionOutcomes outcomes)
{
    /// <summary>Route names of the commands (REST: <c>skip-back</c> with a hyphen).</summary>
    public static readonly IReadOnlyDictionary<string, ExecutionCommand> Commands =
        Enum.GetValues<ExecutionCommand>().ToDictionary(c => c.ToWire().Replace('_', '-'), c => c, StringComparer.OrdinalIgnoreCase);

    public async Task<Results<Accepted<ControlAccepted>, ProblemHttpResult>> SendAsync(Guid id, string commandName, CancellationToken ct)
    {
        if (!Commands.TryGetValue(commandName, out var command))
            return ApiProblems.NotFound($"unknown command '{commandName}'; valid: {string.Join(", ", Commands.Keys)}");
        var execution = await db.Executions.FirstOrDefaultAsync(e => e.Id == id, ct);
        if (execution is null) return ApiProblems.NotFound($"execution {id} does not exist");
        if (execution.Status.IsTerminal())
            return ApiProblems.Conflict($"execution {id} is {execution.Status.ToWire()}; it can no longer be controlled");

        if (command == ExecutionCommand.Cancel && execution.Status == ExecutionStatus.Pending &&
            StatusMachine.TryMove(execution, ExecutionStatus.Cancelled, clock.GetUtcNow(), "cancelled before a Runner started it"))
        {
            try
            {
                await db.SaveChangesAsync(ct);
                outcomes.Ended(id, execution.Status.ToWire()); // webhooks
            }
            catch (DbUpdateConcurrencyException)
            {
                return ApiProblems.Conflict($"execution {id} changed while it was being cancelled; try again");
            }
        }
        // Published even after a direct cancel, so a Runner that has just taken the execution stops it.
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(BusSettings.SendTimeout);
            await publisher.Publish(new ControlExecution(id, command.ToWire(), clock.GetUtcNow()), timeout.Token);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            LogNotSent(logger, ex, command.ToWire(), id);
            return ApiProblems.Unavailable($"the {command.ToWire()} command could not be sent: the message broker is unavailable");
        }
        LogSent(logger, command.ToWire(), id);
        return TypedResults.Accepted($"/api/v1/executions/{id}", new ControlAccepted(id, command.ToWire(), execution.Status.ToWire()));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not publish {Command} for execution {ExecutionId}")]
    private static partial void LogNotSent(ILogger logger, Exception exception, string command, Guid executionId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent {Command} to execution {ExecutionId}")]
    private static partial void LogSent(ILogger logger, string command, Guid executionId);
}
