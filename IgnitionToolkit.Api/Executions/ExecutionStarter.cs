using IgnitionToolkit.Core.Execution.Status;
using IgnitionToolkit.Api.Audit;
using IgnitionToolkit.Api.Credentials;
using IgnitionToolkit.Api.Library;
using IgnitionToolkit.Api.Messaging;
using IgnitionToolkit.Api.Persistence;
using IgnitionToolkit.Api.Persistence.Entities;
using IgnitionToolkit.Api.Playbooks;
using IgnitionToolkit.Api.Problems;
using IgnitionToolkit.Core.Execution;
using IgnitionToolkit.Core.Playbooks;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Http.HttpResults;
using IgnitionToolkit.Contracts;
using IgnitionToolkit.Contracts.Bus;

namespace IgnitionToolkit.Api.Executions;

/// <summary>What started an execution other than a person's request: a fleet run, a schedule, or a resume.
/// <see cref="ExecutionId"/>: the id the execution gets (else a new one), so the caller's own rows saved with it can point at it.</summary>
public sealed record ExecutionOrigin
{
    public Guid? ExecutionId { get; init; }
    public Guid? FleetRunId { get; init; }
    public Guid? ScheduleId { get; init; }
    public string? ScheduleName { get; init; }
    /// <summary>A resume: where it starts and what it starts with (<see cref="ExecutionResumes"/>).</summary>
    public ExecutionResume? Resume { get; init; }
    /// <summary>Started by the API for a <c>resume: auto</c> playbook whose Runner died.</summary>
    public bool ResumedAutomatically { get; init; }

    /// <summary>Who the start is audited for as <c>execution.started</c> (detail <c>playbook &lt;path&gt;[ by &lt;By&gt;]</c>),
    /// written in the commit that stores the execution; null: the caller audits (or not) itself.</summary>
    public StartAudit? Audit { get; init; }

    public static ExecutionOrigin AuditedAs(string actor, string? by = null) => new() { Audit = new(actor, by) };
    public static ExecutionOrigin FleetRun(Guid fleetRunId) => new() { FleetRunId = fleetRunId };
    public static ExecutionOrigin Schedule(Guid scheduleId, string scheduleName, Guid executionId) =>
        new() { ScheduleId = scheduleId, ScheduleName = scheduleName, ExecutionId = executionId };
}

/// <summary>The <c>execution.started</c> audit entry of a start: the actor and, for an automated start, what fired it
/// (<c>trigger nightly</c>, <c>schedule backup</c>).</summary>
public sealed record StartAudit(string Actor, string? By = null);

/// <summary>Validates a start request, stores the <c>pending</c> execution and sends <see cref="StartExecution"/> to the Runners' queue.
/// Entities a caller added to the same (scoped) context are saved in the one transaction that stores the execution,
/// before anything is sent: the scheduler's run claim relies on it.</summary>
public sealed partial class ExecutionStarter(
    ToolkitDbContext db, PlaybookLibrary library, PlaybookValidator validator, ExecutionCredentials credentials,
    ISendEndpointProvider sendEndpoints, BusSettings bus, TimeProvider clock, ILogger<ExecutionStarter> logger,
    PlaybookVerifications verifications, IOptions<LibraryOptions> libraryOptions, AuditTrail audit)
{
    public Task<Results<Accepted<ExecutionSummaryDto>, ProblemHttpResult>> StartAsync(StartExecutionRequest request, CancellationToken ct) =>
        StartAsync(request, origin: null, ct);

    /// <param name="origin">The fleet run or schedule that starts it (given by the fleet driver and the scheduler only).</param>
    public async Task<Results<Accepted<ExecutionSummaryDto>, ProblemHttpResult>> StartAsync(StartExecutionRequest request, ExecutionOrigin? origin, CancellationToken ct)
    {
        if (library.TryNormalize(request.Playbook, out var path) is { } pathError) return ApiProblems.BadRequest(pathError, "playbook");
        var loaded = await validator.LoadFileAsync(path, ct);
        if (loaded is null) return ApiProblems.NotFound($"playbook '{path}' does not exist in the library");
        var (yaml, result) = loaded.Value;
        if (result.Playbook is { } found && PlaybookDtoMapping.IsDisabled(found.Metadata)) return ApiProblems.Conflict($"playbook '{path}' is disabled (metadata.enabled: false)");
        if (!result.IsValid || result.Playbook is null)
            return ApiProblems.Invalid($"playbook '{path}' is invalid ({result.Errors.Count()} error(s))", DiagnosticDto.From(result.Diagnostics));
        var playbook = result.Playbook;
        var nested = PlaybookBundle.Collect(playbook, library.Source);
        if (libraryOptions.Value.RequireVerifiedChildren && await verifications.FirstUnverifiedAsync(nested, ct) is { } unverified)
            return ApiProblems.Conflict($"playbook '{path}' runs '{unverified}' (playbook.run), which is not verified for its current text; " +
                                        $"{LibraryOptions.Section}:{nameof(LibraryOptions.RequireVerifiedChildren)} is on: verify '{unverified}' first");
        var prepared = await credentials.PrepareAsync(playbook, yaml, nested, request.Parameters, request.CredentialName, ct);
        if (prepared.Problem is { } refused) return refused;
        var bound = StartParameters.Bind(playbook, prepared.Parameters);
        var errors = prepared.Errors.Concat(bound.Errors).Concat(StartTimeouts.Check(request.TimeoutOverrides, playbook.SourcePath)).ToList();
        if (errors.Count > 0)
            return ApiProblems.Invalid($"parameters do not match playbook '{path}' ({errors.Count} error(s))", errors);

        var now = clock.GetUtcNow();
        var record = new ExecutionRecord
        {
            Id = origin?.ExecutionId ?? Guid.NewGuid(), PlaybookPath = path, PlaybookName = playbook.Name,
            DebugMode = request.DebugMode, ParametersJson = ExecutionCredentials.MaskFilled(bound.MaskedJson, prepared),
            CreatedAt = now, StepCount = playbook.Steps.Count, StartedBy = request.StartedBy, FleetRunId = origin?.FleetRunId,
            ScheduleId = origin?.ScheduleId, ScheduleName = origin?.ScheduleName, PlaybookHash = PlaybookVerifications.Hash(yaml),
            CredentialName = string.IsNullOrEmpty(request.CredentialName) ? null : request.CredentialName,
            FilledParametersJson = prepared.Filled.Count == 0 ? null : JsonSerializer.Serialize(prepared.Filled.Keys.Order(StringComparer.Ordinal)),
            TimeoutOverridesJson = StartTimeouts.ToJson(request.TimeoutOverrides),
            ResumedFromId = origin?.Resume?.ResumedFromId, ResumedAtStep = origin?.Resume?.StartAtStepId, ResumedAutomatically = origin?.ResumedAutomatically == true,
        };
        db.Executions.Add(record);
        var audited = origin?.Audit is { } who
            ? audit.Stage(who.Actor, "execution.started", "execution", record.Id.ToString(), who.By is null ? $"playbook {path}" : $"playbook {path} by {who.By}")
            : null;
        await db.SaveChangesAsync(ct);

        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(BusSettings.SendTimeout);
            var endpoint = await sendEndpoints.GetSendEndpoint(bus.ExecutionsQueue);
            var (sentPath, sentNested) = library.ForRunner(path, nested); // a git source's playbook travels with its repository's paths
            var message = new StartExecution(record.Id, sentPath, yaml, sentNested, ExecutionCredentials.BusParameters(bound.Json, prepared), request.DebugMode, now)
            {
                EncryptedCredentials = credentials.Seal(prepared, record.Id),
                Resume = origin?.Resume,
                TimeoutOverrides = request.TimeoutOverrides is { Count: > 0 } overrides ? overrides : null,
            };
            await endpoint.Send(message, timeout.Token);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            LogNotQueued(logger, ex, record.Id);
            StatusMachine.TryMove(record, ExecutionStatus.Failed, clock.GetUtcNow());
            record.Error = "the execution could not be queued: the message broker is unavailable";
            if (audited is not null) audit.Withdraw(audited); // a start that was refused is not audited
            await db.SaveChangesAsync(CancellationToken.None);
            return ApiProblems.Unavailable(record.Error);
        }
        LogQueued(logger, record.Id, path);
        return TypedResults.Accepted($"/api/v1/executions/{record.Id}", ExecutionMapping.ToSummary(record));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not queue execution {ExecutionId}")]
    private static partial void LogNotQueued(ILogger logger, Exception exception, Guid executionId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Queued execution {ExecutionId} of {Playbook}")]
    private static partial void LogQueued(ILogger logger, Guid executionId, string playbook);
}
