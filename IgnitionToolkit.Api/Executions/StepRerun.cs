using System.Text.Json;
using System.Text.Json.Nodes;
using IgnitionToolkit.Api.Messaging;
using IgnitionToolkit.Api.Persistence;
using IgnitionToolkit.Api.Problems;
using IgnitionToolkit.Core.Engine;
using IgnitionToolkit.Core.Execution;
using IgnitionToolkit.Core.Plugins;
using IgnitionToolkit.Core.Security;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using IgnitionToolkit.Contracts;
using IgnitionToolkit.Contracts.Bus;

namespace IgnitionToolkit.Api.Executions;

/// <summary>Body of <c>POST /executions/{id}/steps/{stepPath}/rerun</c>: the edited parameters (raw values, templates
/// allowed) merged over the step's own; a null value removes a parameter so its default applies.</summary>
public sealed record RerunStepRequest(JsonElement? Parameters);

/// <summary>
/// Re-runs a step of a paused execution with edited parameters: checks them against the step type's schema and sends
/// the <c>rerun</c> <see cref="ControlExecution"/> to the owning Runner. The step row then shows the new attempt.
/// </summary>
public sealed partial class StepRerunner(
    ToolkitDbContext db, IStepCatalog catalog, CredentialTransport transport, IPublishEndpoint publisher, TimeProvider clock, ILogger<StepRerunner> logger)
{
    public const string Command = ControlCommands.Rerun;

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
        if (execution.Status != ExecutionStatus.Paused)
            return ApiProblems.Conflict($"execution {id} is {execution.Status.ToWire()}; a step can only be re-run while the execution is paused");

        var json = parameters is { ValueKind: JsonValueKind.Object } p ? p.GetRawText() : "{}";
        var overrides = ParameterOverrides.FromJson(json);
        var descriptor = catalog.GetPlugin(step.Type)?.Descriptor;
        if (descriptor is not null && ParameterOverrides.Validate(descriptor, overrides) is { Count: > 0 } problems)
            return ApiProblems.BadRequest(string.Join("; ", problems.Select(x => x.Message)), "parameters." + problems[0].Field);

        // Edited secrets travel sealed with the transport key, never in clear text on the bus.
        var (publicJson, secrets) = SplitSecrets(json, descriptor);
        string? sealedSecrets = null;
        if (secrets.Count > 0)
        {
            if (!transport.IsConfigured)
                return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Secrets cannot be sent",
                    detail: $"the edited parameters include secrets ({string.Join(", ", secrets.Keys)}) but {transport.Problem}");
            sealedSecrets = transport.Seal(new CredentialBundle(new Dictionary<string, IReadOnlyDictionary<string, string>>(), secrets), id);
        }

        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(BusSettings.SendTimeout);
            await publisher.Publish(new ControlExecution(id, Command, clock.GetUtcNow()) { StepPath = stepPath, ParametersJson = publicJson, EncryptedParameters = sealedSecrets }, timeout.Token);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            LogNotSent(logger, ex, stepPath, id);
            return ApiProblems.Unavailable("the rerun command could not be sent: the message broker is unavailable");
        }
        LogSent(logger, stepPath, string.Join(", ", overrides.Keys), id);
        return TypedResults.Accepted($"/api/v1/executions/{id}", new ControlAccepted(id, Command, execution.Status.ToWire()));
    }

    /// <summary>Text values of secret parameters (schema <c>Secret</c> or secret-looking names) apart from the others.</summary>
    private static (string PublicJson, Dictionary<string, string> Secrets) SplitSecrets(string json, StepTypeDescriptor? descriptor)
    {
        var secrets = new Dictionary<string, string>(StringComparer.Ordinal);
        var edited = JsonNode.Parse(json)!.AsObject();
        foreach (var (name, value) in edited.ToList())
        {
            var secret = SecretNames.IsSecretName(name) || descriptor?.Parameters.Any(p => p.Secret && p.Name == name) == true;
            if (!secret || value is not JsonValue text || !text.TryGetValue<string>(out var s)) continue;
            secrets[name] = s;
            edited.Remove(name);
        }
        return (edited.ToJsonString(), secrets);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not publish rerun of step {StepPath} for execution {ExecutionId}")]
    private static partial void LogNotSent(ILogger logger, Exception exception, string stepPath, Guid executionId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent rerun of step {StepPath} (edited: {Fields}) to execution {ExecutionId}")]
    private static partial void LogSent(ILogger logger, string stepPath, string fields, Guid executionId);
}
