using System.Globalization;
using System.Text.Json;
using IgnitionToolkit.Api.Executions;
using IgnitionToolkit.Api.Persistence;
using IgnitionToolkit.Api.Persistence.Entities;
using IgnitionToolkit.Api.Playbooks;
using IgnitionToolkit.Api.Problems;
using IgnitionToolkit.Contracts;
using IgnitionToolkit.Core.Execution.Status;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace IgnitionToolkit.Api.Recordings;

/// <summary>
/// The recorder's API side: a recording is an execution of <see cref="RecorderPlaybook"/> (started like any other, so
/// its live view, log, thumbnails and cancel are the execution's); stop sends <c>stop_recording</c> through the live view
/// input (<see cref="LiveViewInputSender"/>); the draft (output <c>draft</c> of its record step) is validated with the
/// playbook loader and saved as a new library playbook under <c>drafts/</c>.
/// </summary>
public sealed class Recordings(
    ToolkitDbContext db, PlaybookLibrary library, PlaybookValidator validator, ExecutionStarter starter, LiveViewInputSender sender)
{
    private const int MaxUrlLength = 2000;
    private const int MaxNameLength = 200;

    public async Task<Results<Accepted<RecordingDto>, ProblemHttpResult>> StartAsync(StartRecordingRequest? request, string user, CancellationToken ct)
    {
        var url = request?.Url?.Trim();
        if (string.IsNullOrEmpty(url)) return ApiProblems.BadRequest("url is required: the page to record on, e.g. http://gateway:8088/data/perspective/client/Project", "url");
        if (url.Length > MaxUrlLength || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            return ApiProblems.BadRequest($"url must be an http(s) URL of at most {MaxUrlLength} characters", "url");
        var name = request?.Name?.Trim() ?? "";
        if (name.Length > MaxNameLength || name.Any(char.IsControl))
            return ApiProblems.BadRequest($"name must be at most {MaxNameLength} characters, without control characters", "name");
        if (library.ReadOnlyReason(RecorderPlaybook.Path) is { } readOnly) return ApiProblems.Conflict(readOnly);
        if (await library.ReadAsync(RecorderPlaybook.Path, ct) != RecorderPlaybook.Yaml) await library.WriteAsync(RecorderPlaybook.Path, RecorderPlaybook.Yaml, ct);

        var parameters = JsonSerializer.SerializeToElement(new Dictionary<string, string> { ["url"] = uri.AbsoluteUri, ["draft_name"] = name });
        var started = await starter.StartAsync(new StartExecutionRequest(RecorderPlaybook.Path, parameters, StartedBy: user), ct);
        if (started.Result is not Accepted<ExecutionSummaryDto> { Value: { } execution }) return (ProblemHttpResult)started.Result;
        return TypedResults.Accepted($"/api/v1/executions/{execution.Id}",
            new RecordingDto(execution.Id, uri.AbsoluteUri, execution.Status, $"/api/v1/executions/{execution.Id}"));
    }

    public async Task<Results<Accepted<ControlAccepted>, ProblemHttpResult>> StopAsync(Guid id, string user, CancellationToken ct)
    {
        var execution = await db.Executions.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);
        if (execution is null || !RecorderPlaybook.IsRecorder(execution)) return ApiProblems.NotFound($"recording {id} does not exist");
        if (!RecorderPlaybook.IsRecording(execution))
            return ApiProblems.Conflict($"recording {id} is {execution.Status.ToWire()}; only a running recording can be stopped");
        return await sender.StopRecordingAsync(execution, user, ct);
    }

    public async Task<Results<Created<PlaybookSaved>, ProblemHttpResult>> SaveDraftAsync(Guid id, CancellationToken ct)
    {
        var execution = await db.Executions.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);
        if (execution is null || !RecorderPlaybook.IsRecorder(execution)) return ApiProblems.NotFound($"recording {id} does not exist");
        if (!execution.Status.IsTerminal()) return ApiProblems.Conflict($"recording {id} is {execution.Status.ToWire()}: stop it first, then save its draft once it completed");
        if (execution.Status != ExecutionStatus.Completed)
            return ApiProblems.Conflict($"recording {id} ended {execution.Status.ToWire()}{(execution.Error is { } e ? $" ({e})" : "")}: it has no draft");
        var step = await db.StepResults.AsNoTracking()
            .FirstOrDefaultAsync(s => s.ExecutionId == id && s.StepId == RecorderPlaybook.RecordStepId && s.ParentPath == null, ct);
        if (Draft(step?.OutputsJson) is not { } draft) return ApiProblems.Conflict($"recording {id} has no draft (its record step gave none)");

        var stamp = (execution.FinishedAt ?? execution.CreatedAt).UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var path = $"{RecorderPlaybook.DraftsFolder}/recorded-{stamp}-{id.ToString("N")[..8]}.yaml";
        if (library.ReadOnlyReason(path) is { } readOnly) return ApiProblems.Conflict(readOnly);
        if (library.Exists(path)) return ApiProblems.Conflict($"the draft of recording {id} is already saved as '{path}'");
        var result = validator.Validate(draft, path);
        if (!result.IsValid)
            return ApiProblems.Unprocessable($"the draft of recording {id} is invalid ({result.Errors.Count()} error(s))", DiagnosticDto.From(result.Diagnostics));
        await library.WriteAsync(path, draft, ct);
        return TypedResults.Created($"/api/v1/playbooks/{path}", new PlaybookSaved(PlaybookDtoMapping.ToSummary(path, result), DiagnosticDto.From(result.Diagnostics), null));
    }

    private static string? Draft(string? outputsJson)
    {
        if (string.IsNullOrEmpty(outputsJson)) return null;
        try
        {
            using var outputs = JsonDocument.Parse(outputsJson);
            return outputs.RootElement.ValueKind == JsonValueKind.Object && outputs.RootElement.TryGetProperty("draft", out var draft)
                && draft.ValueKind == JsonValueKind.String ? draft.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
