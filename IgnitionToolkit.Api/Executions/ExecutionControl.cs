using IgnitionToolkit.Api.Messaging;
using IgnitionToolkit.Api.Persistence;
using IgnitionToolkit.Api.Problems;
using IgnitionToolkit.Core.Execution;
using IgnitionToolkit.Core.Messaging;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace IgnitionToolkit.Api.Executions;

/// <summary>Pause, resume, skip, skip back, cancel: published as <see cref="ControlExecution"/> to every Runner
/// (command wire names: pause, resume, skip, skip_back, cancel). Cancelling a pending execution cancels it at once.</summary>
public sealed partial class ExecutionControl(ToolkitDbContext db, IPublishEndpoint publisher, TimeProvider clock, ILogger<ExecutionControl> logger)
{
    public static readonly IReadOnlyDictionary<string, ExecutionCommand> Commands = new Dictionary<string, ExecutionCommand>(StringComparer.OrdinalIgnoreCase)
    {
        ["pause"] = ExecutionCommand.Pause, ["resume"] = ExecutionCommand.Resume, ["skip"] = ExecutionCommand.Skip,
        ["skip-back"] = ExecutionCommand.SkipBack, ["cancel"] = ExecutionCommand.Cancel,
    };

    public async Task<Results<Accepted<ControlAccepted>, ProblemHttpResult>> SendAsync(Guid id, string commandName, CancellationToken ct)
    {
        if (!Commands.TryGetValue(commandName, out var command))
            return ApiProblems.NotFound($"unknown command '{commandName}'; valid: {string.Join(", ", Commands.Keys)}");
        var execution = await db.Executions.FirstOrDefaultAsync(e => e.Id == id, ct);
        if (execution is null) return ApiProblems.NotFound($"execution {id} does not exist");
        if (WireStatus.ParseExecution(execution.Status).IsTerminal())
            return ApiProblems.Conflict($"execution {id} is {execution.Status}; it can no longer be controlled");

        if (command == ExecutionCommand.Cancel && execution.Status == ExecutionStatus.Pending.ToWire())
        {
            execution.Status = ExecutionStatus.Cancelled.ToWire();
            execution.Reason = "cancelled before a Runner started it";
            execution.FinishedAt = clock.GetUtcNow();
            execution.Version++;
            try
            {
                await db.SaveChangesAsync(ct);
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
        return TypedResults.Accepted($"/api/v1/executions/{id}", new ControlAccepted(id, command.ToWire(), execution.Status));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not publish {Command} for execution {ExecutionId}")]
    private static partial void LogNotSent(ILogger logger, Exception exception, string command, Guid executionId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent {Command} to execution {ExecutionId}")]
    private static partial void LogSent(ILogger logger, string command, Guid executionId);
}
