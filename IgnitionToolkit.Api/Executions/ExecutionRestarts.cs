using System.Text.Json;
using System.Text.Json.Nodes;
using IgnitionToolkit.Api.Persistence;
using IgnitionToolkit.Api.Persistence.Entities;
using IgnitionToolkit.Api.Problems;
using IgnitionToolkit.Contracts;
using IgnitionToolkit.Core.Execution.Status;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace IgnitionToolkit.Api.Executions;

/// <summary>Body of <c>POST /executions/{id}/run-again</c> (optional): parameters merged over the old execution's, e.g.
/// a secret parameter given by hand (stored masked, so it cannot be taken from the old run).</summary>
public sealed record RunAgainRequest(JsonElement? Parameters);

/// <summary>Run again: a new execution of a finished one's playbook with its parameters, started through
/// <see cref="ExecutionStarter"/> like any other (the playbook's current text: the library keeps one revision per path;
/// the credential named at the start is resolved again from the vault, secrets are never taken from the old run).</summary>
public sealed class ExecutionRestarts(ToolkitDbContext db, ExecutionStarter starter)
{
    public async Task<Results<Accepted<ExecutionSummaryDto>, ProblemHttpResult>> RunAgainAsync(Guid id, RunAgainRequest? request, string? user, CancellationToken ct)
    {
        if (request?.Parameters is { ValueKind: not JsonValueKind.Object and not JsonValueKind.Null and not JsonValueKind.Undefined })
            return ApiProblems.BadRequest("parameters must be a JSON object", "parameters");
        var old = await db.Executions.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);
        if (old is null) return ApiProblems.NotFound($"execution {id} does not exist");
        if (!old.Status.IsTerminal())
            return ApiProblems.Conflict($"execution {id} is {old.Status.ToWire()}; it can be run again once it has finished");
        var start = new StartExecutionRequest(old.PlaybookPath, ReusableParameters(old, request?.Parameters), old.DebugMode, user, old.CredentialName,
            StartTimeouts.FromJson(old.TimeoutOverridesJson));
        return await starter.StartAsync(start, ct);
    }

    /// <summary>The old execution's parameters without what must be resolved again: masked (secret) values and those
    /// filled from its credential; <paramref name="overrides"/> merged over them.</summary>
    public static JsonElement ReusableParameters(ExecutionRecord old, JsonElement? overrides)
    {
        var parameters = JsonNode.Parse(old.ParametersJson) as JsonObject ?? [];
        var filled = string.IsNullOrEmpty(old.FilledParametersJson) ? [] : JsonSerializer.Deserialize<string[]>(old.FilledParametersJson) ?? [];
        foreach (var name in filled) parameters.Remove(name);
        foreach (var (name, _) in parameters.Where(p => p.Value is JsonValue v && v.TryGetValue<string>(out var s) && s == StartParameters.Mask).ToList())
            parameters.Remove(name);
        if (overrides is { ValueKind: JsonValueKind.Object } given)
            foreach (var property in given.EnumerateObject()) parameters[property.Name] = JsonNode.Parse(property.Value.GetRawText());
        return JsonDocument.Parse(parameters.ToJsonString()).RootElement.Clone();
    }
}
