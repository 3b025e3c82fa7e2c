using IgnitionToolkit.Api.Messaging;
using IgnitionToolkit.Api.Persistence;
using IgnitionToolkit.Api.Persistence.Entities;
using IgnitionToolkit.Api.Playbooks;
using IgnitionToolkit.Api.Problems;
using IgnitionToolkit.Contracts;
using IgnitionToolkit.Contracts.Bus;
using IgnitionToolkit.Core.Playbooks;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace IgnitionToolkit.Api.Executions;

/// <summary>What <c>GET /executions/{id}/pending-steps</c> returns: the top-level steps not yet run as a YAML list
/// (<see cref="Yaml"/>), where they start, and the steps already run (which cannot change).</summary>
public sealed record PendingStepsDto(Guid ExecutionId, int FromIndex, string? FromStepId, IReadOnlyList<string> DoneSteps, string Yaml, bool Edited);

/// <summary>Body of <c>PUT /executions/{id}/pending-steps</c>: the edited YAML list of the steps not yet run and the
/// <see cref="FromIndex"/> it was read at (refused with 409 when the execution has moved on since).</summary>
public sealed record PendingStepsRequest(string? Yaml, int? FromIndex);

/// <summary>
/// Edit while paused: shows the steps of a paused execution that have not run yet and replaces them. The edit is
/// validated with the library's loader on the whole playbook (the steps already run, unchanged, plus the edited ones;
/// errors name their line in the edited text, file <see cref="EditorName"/>) and sent as the <c>edit_steps</c>
/// <see cref="ControlExecution"/> to the owning Runner, whose engine reports it back as a <c>pending_steps_edited</c> event.
/// </summary>
public sealed partial class PendingStepsEditor(
    ToolkitDbContext db, PlaybookValidator validator, PlaybookLibrary library, IPublishEndpoint publisher, TimeProvider clock, ILogger<PendingStepsEditor> logger)
{
    public const string EditorName = "pending steps";

    public async Task<Results<Ok<PendingStepsDto>, ProblemHttpResult>> GetAsync(Guid id, CancellationToken ct)
    {
        var state = await LoadAsync(id, ct);
        if (state.Problem is { } problem) return problem;
        var (execution, yaml, from, done) = state.Value;
        return TypedResults.Ok(new PendingStepsDto(id, from.Index, from.StepId, done, PendingStepsText.Extract(yaml, from.Index), execution.EditedPlaybookYaml is not null));
    }

    public async Task<Results<Accepted<ControlAccepted>, ProblemHttpResult>> PutAsync(Guid id, PendingStepsRequest? request, string user, CancellationToken ct)
    {
        if (request?.Yaml is null) return ApiProblems.BadRequest("yaml is required: the YAML list of the steps not yet run", "yaml");
        var state = await LoadAsync(id, ct);
        if (state.Problem is { } problem) return problem;
        var (execution, yaml, from, done) = state.Value;
        if (request.FromIndex is { } expected && expected != from.Index)
            return ApiProblems.Conflict($"execution {id} is now paused at step {from.Index + 1}, not at step {expected + 1}: reload the steps not yet run and edit again");

        var edit = validator.EditPendingSteps(yaml, execution.PlaybookPath, from.Index, request.Yaml, EditorName);
        if (!edit.Validation.IsValid || edit.Validation.Playbook is not { } playbook)
            return ApiProblems.Unprocessable($"the edited steps are invalid ({edit.Validation.Errors.Count()} error(s))", DiagnosticDto.From(edit.Validation.Diagnostics));
        if (!playbook.Steps.Take(from.Index).Select(s => s.Id).SequenceEqual(done, StringComparer.Ordinal))
            return ApiProblems.Unprocessable("the steps already run cannot change", []);

        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(BusSettings.SendTimeout);
            await publisher.Publish(new ControlExecution(id, ControlCommands.EditSteps, clock.GetUtcNow())
            {
                PlaybookYaml = edit.Edited,
                FromIndex = from.Index,
                EditedBy = user,
            }, timeout.Token);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            LogNotSent(logger, ex, id);
            return ApiProblems.Unavailable("the edited steps could not be sent: the message broker is unavailable");
        }
        LogSent(logger, id, from.Index, user);
        return TypedResults.Accepted($"/api/v1/executions/{id}", new ControlAccepted(id, ControlCommands.EditSteps, execution.Status.ToWire()));
    }

    private readonly record struct From(int Index, string? StepId);

    private readonly record struct State(ProblemHttpResult? Problem, (ExecutionRecord Execution, string Yaml, From From, List<string> Done) Value);

    /// <summary>The paused execution, the playbook text it runs (edited, or the library's file it started with) and
    /// where its pending steps start: after the leading top-level steps that ran (completed, skipped, or failed and passed).</summary>
    private async Task<State> LoadAsync(Guid id, CancellationToken ct)
    {
        var execution = await db.Executions.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);
        if (execution is null) return Fail(ApiProblems.NotFound($"execution {id} does not exist"));
        if (execution.Status != ExecutionStatus.Paused)
            return Fail(ApiProblems.Conflict($"execution {id} is {execution.Status.ToWire()}; its steps can only be edited while it is paused"));
        var yaml = execution.EditedPlaybookYaml;
        if (yaml is null)
        {
            yaml = await library.ReadAsync(execution.PlaybookPath, ct);
            if (yaml is null) return Fail(ApiProblems.Conflict($"playbook '{execution.PlaybookPath}' no longer exists in the library"));
            if (execution.PlaybookHash is { } hash && hash != PlaybookVerifications.Hash(yaml))
                return Fail(ApiProblems.Conflict($"playbook '{execution.PlaybookPath}' changed in the library since execution {id} started; its steps cannot be edited"));
        }
        var loaded = validator.Validate(yaml, execution.PlaybookPath);
        if (loaded.Playbook is null) return Fail(ApiProblems.Conflict($"playbook '{execution.PlaybookPath}' can no longer be read"));
        var rows = await db.StepResults.AsNoTracking().Where(s => s.ExecutionId == id && s.ParentPath == null)
            .OrderBy(s => s.Order).ThenBy(s => s.Id).ToListAsync(ct);
        if (rows.Any(r => r.Status == StepStatus.Running))
            return Fail(ApiProblems.Conflict($"execution {id} is paused inside a nested playbook; its steps can be edited when it is paused at a top-level step"));
        var byId = rows.GroupBy(r => r.StepId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        var steps = loaded.Playbook.Steps;
        var index = 0;
        while (index < steps.Count && byId.TryGetValue(steps[index].Id, out var row) && Ran(row, steps, index, byId)) index++;
        var done = steps.Take(index).Select(s => s.Id).ToList();
        return new State(null, (execution, yaml, new From(index, index < steps.Count ? steps[index].Id : null), done));
    }

    /// <summary>Completed or skipped; failed only when a later step ran after it (on_failure: continue), otherwise a
    /// failed step is where debug mode paused and it runs again.</summary>
    private static bool Ran(StepResultRecord row, IReadOnlyList<PlaybookStep> steps, int index, Dictionary<string, StepResultRecord> byId) =>
        row.Status is StepStatus.Completed or StepStatus.Skipped ||
        (row.Status == StepStatus.Failed && index + 1 < steps.Count && byId.ContainsKey(steps[index + 1].Id));

    private static State Fail(ProblemHttpResult problem) => new(problem, default);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not publish the edited steps of execution {ExecutionId}")]
    private static partial void LogNotSent(ILogger logger, Exception exception, Guid executionId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent the edited steps of execution {ExecutionId} from step index {FromIndex} (by {User})")]
    private static partial void LogSent(ILogger logger, Guid executionId, int fromIndex, string user);
}
