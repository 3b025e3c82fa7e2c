using System.Text.Json;
using IgnitionToolkit.Api.Messaging;
using IgnitionToolkit.Api.Persistence;
using IgnitionToolkit.Api.Problems;
using IgnitionToolkit.Core.Engine;
using IgnitionToolkit.Core.Execution;
using IgnitionToolkit.Core.Messaging;
using IgnitionToolkit.Core.Plugins;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace IgnitionToolkit.Api.Executions;

/// <summary>Body of <c>POST /executions/{id}/steps/{stepPath}/rerun</c>: the edited parameters (raw values, templates
/// allowed) merged over the step's own; a null value removes a parameter so its default applies.</summary>
public sealed record RerunStepRequest(JsonElement? Parameters);

/// <summary>
/// Re-runs a step of a paused execution with edited parameters: checks them against the step type's schema and sends
/// the <c>rerun</c> <see cref="ControlExecution"/> to the owning Runner. The step row then shows the new attempt.
/// </summary>
public sealed class StepRerunner(ToolkitDbContext db, IStepCatalog catalog, IPublishEndpoint publisher, TimeProvider clock, ILogger<StepRerunner> logger)
{
    public const string Command = "rerun";

    public async Task<Results<Accepted<ControlAccepted>, ProblemHttpResult>> RerunAsync(Guid id, string stepPath, RerunStepRequest? request, CancellationToken ct)
    {
        stepPath = Uri.UnescapeDataString(stepPath); // nested paths arrive as child%2Finner
        var parameters = request?.Parameters;
        if (parameters is { ValueKind: not JsonValueKind.Object and not JsonValueKind.Null and not JsonValueKind.Undefined })
            return ApiProblems.BadRequest("parameters must be a JSON object of the step's parameters", "parameters");

        var execution = await db.Executions.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);
        if (execution is null) return ApiProblems.NotFound($"execution {id} does not exist");
        var step = await db.StepResults.AsNoTracking().FirstOrDefaultAsync(s => s.ExecutionId == id && s.StepPath == stepPath, ct);
        if (step is null) return ApiProblems.NotFound($"step '{stepPath}' has not run in execution {id}");
        if (execution.Status != ExecutionStatus.Paused.ToWire())
            return ApiProblems.Conflict($"execution {id} is {execution.Status}; a step can only be re-run while the execution is paused");

        var json = parameters is { ValueKind: JsonValueKind.Object } p ? p.GetRawText() : "{}";
        var overrides = ParameterOverrides.FromJson(json);
        if (catalog.GetPlugin(step.Type)?.Descriptor is { } descriptor &&
            ParameterOverrides.Validate(descriptor, overrides) is { Count: > 0 } problems)
            return ApiProblems.BadRequest(string.Join("; ", problems.Select(x => x.Message)), "parameters." + problems[0].Field);

        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(BusSettings.SendTimeout);
            await publisher.Publish(new ControlExecution(id, Command, clock.GetUtcNow()) { StepPath = stepPath, ParametersJson = json }, timeout.Token);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            logger.LogError(ex, "Could not publish rerun of step {StepPath} for execution {ExecutionId}", stepPath, id);
            return ApiProblems.Unavailable("the rerun command could not be sent: the message broker is unavailable");
        }
        logger.LogInformation("Sent rerun of step {StepPath} (edited: {Fields}) to execution {ExecutionId}", stepPath, string.Join(", ", overrides.Keys), id);
        return TypedResults.Accepted($"/api/v1/executions/{id}", new ControlAccepted(id, Command, execution.Status));
    }
}
