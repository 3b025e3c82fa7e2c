using IgnitionToolkit.Api.Messaging;
using IgnitionToolkit.Api.Persistence;
using IgnitionToolkit.Api.Persistence.Entities;
using IgnitionToolkit.Api.Playbooks;
using IgnitionToolkit.Api.Problems;
using IgnitionToolkit.Core.Execution;
using IgnitionToolkit.Core.Messaging;
using IgnitionToolkit.Core.Playbooks;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IgnitionToolkit.Api.Executions;

/// <summary>Validates a start request, stores the <c>pending</c> execution and sends <see cref="StartExecution"/> to the Runners' queue.</summary>
public sealed class ExecutionStarter(
    ToolkitDbContext db, PlaybookLibrary library, PlaybookValidator validator,
    ISendEndpointProvider sendEndpoints, BusSettings bus, TimeProvider clock, ILogger<ExecutionStarter> logger)
{
    public async Task<Results<Accepted<ExecutionSummaryDto>, ProblemHttpResult>> StartAsync(StartExecutionRequest request, CancellationToken ct)
    {
        if (library.TryNormalize(request.Playbook, out var path) is { } pathError) return ApiProblems.BadRequest(pathError, "playbook");
        var loaded = await validator.LoadFileAsync(path, ct);
        if (loaded is null) return ApiProblems.NotFound($"playbook '{path}' does not exist in the library");
        var (yaml, result) = loaded.Value;
        if (result.Playbook is { } found && PlaybookDtoMapping.IsDisabled(found.Metadata)) return ApiProblems.Conflict($"playbook '{path}' is disabled (metadata.enabled: false)");
        if (!result.IsValid || result.Playbook is null)
            return ApiProblems.Invalid($"playbook '{path}' is invalid ({result.Errors.Count()} error(s))", DiagnosticDto.From(result.Diagnostics));
        var playbook = result.Playbook;
        var bound = StartParameters.Bind(playbook, request.Parameters);
        if (bound.Errors.Count > 0)
            return ApiProblems.Invalid($"parameters do not match playbook '{path}' ({bound.Errors.Count} error(s))", bound.Errors);

        var nested = PlaybookBundle.Collect(playbook, library.Source);
        var now = clock.GetUtcNow();
        var record = new ExecutionRecord
        {
            Id = Guid.NewGuid(), PlaybookPath = path, PlaybookName = playbook.Name,
            Status = ExecutionStatus.Pending.ToWire(), DebugMode = request.DebugMode, ParametersJson = bound.MaskedJson,
            CreatedAt = now, StepCount = playbook.Steps.Count, StartedBy = request.StartedBy,
        };
        db.Executions.Add(record);
        await db.SaveChangesAsync(ct);

        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(BusSettings.SendTimeout);
            var endpoint = await sendEndpoints.GetSendEndpoint(bus.ExecutionsQueue);
            await endpoint.Send(new StartExecution(record.Id, path, yaml, nested, bound.Json, request.DebugMode, now), timeout.Token);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            logger.LogError(ex, "Could not queue execution {ExecutionId}", record.Id);
            record.Status = ExecutionStatus.Failed.ToWire();
            record.Error = "the execution could not be queued: the message broker is unavailable";
            record.FinishedAt = clock.GetUtcNow();
            record.Version++;
            await db.SaveChangesAsync(CancellationToken.None);
            return ApiProblems.Unavailable(record.Error);
        }
        logger.LogInformation("Queued execution {ExecutionId} of {Playbook}", record.Id, path);
        return TypedResults.Accepted($"/api/v1/executions/{record.Id}", ExecutionMapping.ToSummary(record));
    }
}
