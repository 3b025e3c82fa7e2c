using IgnitionToolkit.Api.Messaging;
using IgnitionToolkit.Api.Persistence;
using IgnitionToolkit.Api.Persistence.Entities;
using IgnitionToolkit.Api.Problems;
using IgnitionToolkit.Contracts;
using IgnitionToolkit.Contracts.Bus;
using IgnitionToolkit.Core.Execution.Status;
using IgnitionToolkit.Core.Plugins;
using IgnitionToolkit.Core.Security;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace IgnitionToolkit.Api.Executions;

/// <summary>Body of <c>POST /executions/{id}/live-view/input</c>: <c>click</c> at <see cref="X"/>, <see cref="Y"/>
/// (fractions 0–1 of the live view picture), <c>type</c> <see cref="Text"/>, or <c>press</c> <see cref="Key"/>.</summary>
public sealed record LiveViewInputRequest(string? Kind, double? X, double? Y, string? Text, string? Key);

/// <summary>
/// Click through the live view: while an execution is paused, runs in debug mode or is a running recording
/// (<see cref="Recordings.RecorderPlaybook"/>), an operator's click or keys on its
/// live browser picture are sent as the <c>browser_input</c> <see cref="ControlExecution"/> to the owning Runner, whose
/// Perspective page takes them and writes what was done into the execution's log. Typed text travels sealed with the
/// transport key (it may be a password) and is never logged, only its length.
/// </summary>
public sealed partial class LiveViewInputSender(
    ToolkitDbContext db, CredentialTransport transport, IPublishEndpoint publisher, TimeProvider clock, ILogger<LiveViewInputSender> logger)
{
    public async Task<Results<Accepted<ControlAccepted>, ProblemHttpResult>> SendAsync(Guid id, LiveViewInputRequest? request, string user, CancellationToken ct)
    {
        var input = new BrowserInput((request?.Kind ?? "").Trim().ToLowerInvariant(), request?.X, request?.Y, request?.Text, request?.Key, user);
        // stop_recording is the recorder's own (POST /recordings/{id}/stop), never an operator's input
        var problem = input.Kind == BrowserInput.StopRecording ? "kind must be click, type or press" : input.Problem();
        if (problem is not null)
            return ApiProblems.BadRequest(problem, input.Kind switch { BrowserInput.Click => "x", BrowserInput.Type => "text", BrowserInput.Press => "key", _ => "kind" });
        var execution = await db.Executions.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);
        if (execution is null) return ApiProblems.NotFound($"execution {id} does not exist");
        if (execution.Status.IsTerminal() || !(execution.Status == ExecutionStatus.Paused || execution.DebugMode || Recordings.RecorderPlaybook.IsRecording(execution)))
            return ApiProblems.Conflict($"execution {id} is {execution.Status.ToWire()}; its live view takes clicks and keys only while it is paused, runs in debug mode or records");
        return await PublishAsync(execution, input, user, ct);
    }

    /// <summary>Ends a running recording (<c>perspective.record</c> returns its draft); the API checked it is one.</summary>
    public Task<Results<Accepted<ControlAccepted>, ProblemHttpResult>> StopRecordingAsync(ExecutionRecord execution, string user, CancellationToken ct) =>
        PublishAsync(execution, new BrowserInput(BrowserInput.StopRecording, null, null, null, null, user), user, ct);

    private async Task<Results<Accepted<ControlAccepted>, ProblemHttpResult>> PublishAsync(ExecutionRecord execution, BrowserInput input, string user, CancellationToken ct)
    {
        var id = execution.Id;

        string? sealedText = null;
        if (input.Kind == BrowserInput.Type)
        {
            if (!transport.IsConfigured)
                return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Text cannot be sent", detail: transport.Problem);
            sealedText = transport.Seal(new CredentialBundle(new Dictionary<string, IReadOnlyDictionary<string, string>>(),
                new Dictionary<string, string> { ["text"] = input.Text! }), id);
        }
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(BusSettings.SendTimeout);
            await publisher.Publish(new ControlExecution(id, ControlCommands.BrowserInput, clock.GetUtcNow())
            {
                Input = new LiveViewInput(input.Kind, input.X, input.Y, input.Key),
                EncryptedParameters = sealedText,
                EditedBy = user,
            }, timeout.Token);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            LogNotSent(logger, ex, id);
            return ApiProblems.Unavailable("the live view input could not be sent: the message broker is unavailable");
        }
        LogSent(logger, input.Describe(), id, user);
        return TypedResults.Accepted($"/api/v1/executions/{id}", new ControlAccepted(id, ControlCommands.BrowserInput, execution.Status.ToWire()));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not publish live view input for execution {ExecutionId}")]
    private static partial void LogNotSent(ILogger logger, Exception exception, Guid executionId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent live view input ({Action}) to execution {ExecutionId} (by {User})")]
    private static partial void LogSent(ILogger logger, string action, Guid executionId, string user);
}
