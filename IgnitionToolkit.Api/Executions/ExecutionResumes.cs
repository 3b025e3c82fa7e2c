using System.Text.Json;
using IgnitionToolkit.Api.Persistence;
using IgnitionToolkit.Api.Persistence.Entities;
using IgnitionToolkit.Api.Playbooks;
using IgnitionToolkit.Api.Problems;
using IgnitionToolkit.Contracts;
using IgnitionToolkit.Contracts.Bus;
using IgnitionToolkit.Core.Playbooks;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace IgnitionToolkit.Api.Executions;

/// <summary>Body of <c>POST /executions/{id}/resume-from</c>: the top-level step to start at (default: the first that did
/// not complete; a nested step's path resumes at its parent) and parameters merged over the old ones (e.g. a secret given by hand).</summary>
public sealed record ResumeExecutionRequest(string? Step, JsonElement? Parameters);

/// <summary>
/// Resume from a step: a new execution of a failed, cancelled or interrupted one's playbook that starts at a chosen
/// top-level step with the variables and step outputs the earlier steps left (read from the old execution's step rows),
/// through <see cref="ExecutionStarter"/> like any other start (credentials resolved again, parameters checked again).
/// Refused (409) when the playbook changed so that the step or its inputs no longer exist (<see cref="ResumePlanner"/>).
/// </summary>
public sealed class ExecutionResumes(ToolkitDbContext db, ExecutionStarter starter, PlaybookValidator validator)
{
    private const int MaxChain = 32;

    public async Task<Results<Accepted<ExecutionSummaryDto>, ProblemHttpResult>> ResumeAsync(Guid id, ResumeExecutionRequest? request, string? user,
        bool automatic, CancellationToken ct)
    {
        if (request?.Parameters is { ValueKind: not JsonValueKind.Object and not JsonValueKind.Null and not JsonValueKind.Undefined })
            return ApiProblems.BadRequest("parameters must be a JSON object", "parameters");
        var old = await db.Executions.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);
        if (old is null) return ApiProblems.NotFound($"execution {id} does not exist");
        if (old.Status is not (ExecutionStatus.Failed or ExecutionStatus.Cancelled or ExecutionStatus.Interrupted))
            return ApiProblems.Conflict($"execution {id} is {old.Status.ToWire()}; only a failed, cancelled or interrupted execution can be resumed");
        var loaded = await validator.LoadFileAsync(old.PlaybookPath, ct);
        if (loaded is null) return ApiProblems.Conflict($"playbook '{old.PlaybookPath}' no longer exists; execution {id} cannot be resumed");
        var (yaml, result) = loaded.Value;
        if (!result.IsValid || result.Playbook is null)
            return ApiProblems.Invalid($"playbook '{old.PlaybookPath}' is invalid ({result.Errors.Count()} error(s))", DiagnosticDto.From(result.Diagnostics));
        var playbook = result.Playbook;

        var choice = ResumePlanner.Choose(playbook, PlaybookVerifications.Hash(yaml), old, await TopRowsAsync(old.Id, ct), request?.Step);
        if (choice.Refusal is { } refusal) return ApiProblems.Conflict(refusal);

        // Steps this execution itself reused from an earlier one carry no variables of their own: read those from it.
        var source = old;
        for (var hops = 0; source.ResumedFromId is { } earlier && source.ResumedAtStep is { } at && choice.Index < IndexOf(playbook, at); hops++)
        {
            var next = hops < MaxChain ? await db.Executions.AsNoTracking().FirstOrDefaultAsync(e => e.Id == earlier, ct) : null;
            if (next is null)
                return ApiProblems.Conflict($"the steps before '{choice.StepId}' were reused from execution {earlier}, which no longer exists; resume from '{at}' or later");
            source = next;
        }
        var resume = await ResumeStateAsync(source, playbook, choice, ct);
        var start = new StartExecutionRequest(old.PlaybookPath, ExecutionRestarts.ReusableParameters(old, request?.Parameters), old.DebugMode,
            automatic ? old.StartedBy : user, old.CredentialName, StartTimeouts.FromJson(old.TimeoutOverridesJson));
        return await starter.StartAsync(start, new ExecutionOrigin { Resume = resume with { ResumedFromId = old.Id }, ResumedAutomatically = automatic }, ct);
    }

    /// <summary>The variables after the step before the start and the outputs of the steps before it, from <paramref name="source"/>'s rows.</summary>
    private async Task<ExecutionResume> ResumeStateAsync(ExecutionRecord source, Playbook playbook, ResumeChoice choice, CancellationToken ct)
    {
        var rows = (await TopRowsAsync(source.Id, ct)).GroupBy(r => r.StepId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        var before = playbook.Steps.Take(choice.Index).Select(s => rows.GetValueOrDefault(s.Id)).OfType<StepResultRecord>().ToList();
        var variables = before.LastOrDefault(r => r.VariablesJson is not null)?.VariablesJson ?? "{}";
        var outputs = before.Where(r => ResumePlanner.Done(r) && !string.IsNullOrEmpty(r.OutputsJson))
            .ToDictionary(r => r.StepId, r => r.OutputsJson!, StringComparer.Ordinal);
        return new ExecutionResume(source.Id, choice.StepId!, variables, outputs);
    }

    private Task<List<StepResultRecord>> TopRowsAsync(Guid executionId, CancellationToken ct) =>
        db.StepResults.AsNoTracking().Where(s => s.ExecutionId == executionId && s.ParentPath == null)
            .OrderBy(s => s.Order).ThenBy(s => s.Id).ToListAsync(ct);

    private static int IndexOf(Playbook playbook, string stepId)
    {
        for (var i = 0; i < playbook.Steps.Count; i++)
            if (string.Equals(playbook.Steps[i].Id, stepId, StringComparison.Ordinal)) return i;
        return -1;
    }
}
