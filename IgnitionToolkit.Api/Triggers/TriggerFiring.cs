using System.Text.Json;
using System.Text.Json.Nodes;
using IgnitionToolkit.Api.Audit;
using IgnitionToolkit.Api.Credentials;
using IgnitionToolkit.Api.Executions;
using IgnitionToolkit.Api.Persistence;
using IgnitionToolkit.Api.Problems;
using IgnitionToolkit.Hosting.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace IgnitionToolkit.Api.Triggers;

/// <summary>
/// <c>POST /api/v1/triggers/{id}</c>: checks the secret or the body's signature (<see cref="TriggerSecret"/>), merges the
/// body's parameters over the trigger's fixed ones, and starts the playbook through <see cref="ExecutionStarter"/> (the
/// one start path, with its parameter validation). Parameters that do not fit the playbook: 422 naming the field.
/// A start is audited as <c>execution.started</c> by <c>trigger:&lt;name&gt;</c>; a refused secret as <c>trigger.refused</c>.
/// </summary>
public sealed partial class TriggerFiring(
    ToolkitDbContext db, VaultKeys keys, ExecutionStarter starter, AuditTrail audit, TimeProvider clock, ILogger<TriggerFiring> logger)
{
    public const int MaxBodyBytes = 256 * 1024;

    public static string ActorName(string triggerName) => "trigger:" + triggerName;

    public async Task<Results<Accepted<TriggerFiredDto>, ProblemHttpResult>> FireAsync(Guid id, HttpRequest http, CancellationToken ct)
    {
        var body = await ReadBodyAsync(http, ct);
        if (body is null)
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Body too large", detail: $"the body must be at most {MaxBodyBytes} bytes");
        var trigger = await db.Triggers.FirstOrDefaultAsync(t => t.Id == id, ct);
        string? secret = null;
        try
        {
            if (trigger is not null) secret = TriggerSecret.Open(trigger, keys.Ring);
        }
        catch (VaultKeyException ex)
        {
            return CredentialEndpoints.VaultProblem(ex);
        }
        var bearer = http.Headers.Authorization.ToString() is { } header && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? header["Bearer ".Length..].Trim() : null;
        var signature = http.Headers[TriggerSecret.SignatureHeader].ToString() is { Length: > 0 } s ? s : null;
        if (trigger is null || secret is null || !TriggerSecret.Authorised(secret, body, bearer, signature))
        {
            LogRefused(logger, id, signature is not null ? "signature" : bearer is not null ? "secret" : "nothing");
            if (trigger is not null) // unknown ids write nothing: a flood of guesses must not fill the database
                await audit.RecordAsync("trigger.refused", "trigger", trigger.Id.ToString(),
                    signature is not null ? "wrong X-Hub-Signature-256 signature" : bearer is not null ? "wrong secret" : "no secret and no signature", CancellationToken.None);
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized",
                detail: $"send the trigger's secret as 'Authorization: Bearer <secret>' or sign the body ('{TriggerSecret.SignatureHeader}: sha256=<hex HMAC-SHA256>')");
        }
        if (!trigger.Enabled) return ApiProblems.Conflict($"trigger '{trigger.Name}' is disabled");

        var parameters = JsonNode.Parse(trigger.ParametersJson)!.AsObject();
        if (body.AsSpan().Trim(" \t\r\n"u8).Length > 0)
        {
            JsonNode? given;
            try
            {
                given = JsonNode.Parse(body);
            }
            catch (JsonException ex)
            {
                return ApiProblems.BadRequest($"the body is not valid JSON: {ex.Message}", "body");
            }
            if (given is not JsonObject values)
                return Unprocessable("the body must be a JSON object of parameters (name: value)", "body", null);
            foreach (var (name, value) in values) parameters[name] = value?.DeepClone();
        }

        var actor = ActorName(trigger.Name);
        var request = new StartExecutionRequest(trigger.PlaybookPath, JsonSerializer.SerializeToElement(parameters), StartedBy: actor,
            CredentialName: trigger.CredentialName);
        var result = (await starter.StartAsync(request, ExecutionOrigin.AuditedAs(actor, $"trigger {trigger.Name}"), ct)).Result;
        if (result is ProblemHttpResult problem)
            return problem.StatusCode == StatusCodes.Status400BadRequest ? ToUnprocessable(problem.ProblemDetails) : problem;
        var execution = ((Accepted<ExecutionSummaryDto>)result).Value!;
        trigger.LastFiredAt = clock.GetUtcNow();
        trigger.LastExecutionId = execution.Id;
        await db.SaveChangesAsync(CancellationToken.None);
        var path = $"/api/v1/executions/{execution.Id}";
        var url = $"{http.Scheme}://{http.Host}{http.PathBase}{path}";
        return TypedResults.Accepted(path, new TriggerFiredDto(execution.Id, url, execution.Status));
    }

    /// <summary>The start path's 400 (parameters that do not fit the playbook) as 422, naming the first field at fault.</summary>
    private static ProblemHttpResult ToUnprocessable(ProblemDetails details)
    {
        var diagnostics = details.Extensions.TryGetValue("diagnostics", out var d) ? d as IEnumerable<DiagnosticDto> : null;
        var field = details.Extensions.TryGetValue("field", out var f) ? f?.ToString() : diagnostics?.FirstOrDefault()?.Field;
        return Unprocessable(details.Detail ?? "the parameters do not fit the playbook", field, diagnostics?.ToList());
    }

    private static ProblemHttpResult Unprocessable(string detail, string? field, IReadOnlyList<DiagnosticDto>? diagnostics)
    {
        var extensions = new Dictionary<string, object?>();
        if (field is not null) extensions["field"] = field;
        if (diagnostics is not null) extensions["diagnostics"] = diagnostics;
        return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Invalid parameters", detail: detail, extensions: extensions);
    }

    /// <summary>The raw body (the signature covers its exact bytes), or null when it is larger than <see cref="MaxBodyBytes"/>.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest http, CancellationToken ct)
    {
        if (http.ContentLength > MaxBodyBytes) return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await http.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Trigger {TriggerId} refused: the request's {Given} did not match")]
    private static partial void LogRefused(ILogger logger, Guid triggerId, string given);
}
