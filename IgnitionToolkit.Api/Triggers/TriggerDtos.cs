using System.Text.Json;

namespace IgnitionToolkit.Api.Triggers;

/// <summary>A trigger as listed: never its secret (only <see cref="Hint"/>). <see cref="Url"/>: the path to POST to.</summary>
public sealed record TriggerDto(
    Guid Id, string Name, string Playbook, JsonElement Parameters, string? CredentialName, bool Enabled, string Hint, string Url,
    DateTimeOffset CreatedAt, string? CreatedBy, DateTimeOffset UpdatedAt, string? UpdatedBy, DateTimeOffset? LastFiredAt, Guid? LastExecutionId);

/// <summary>Create (name and playbook required) or replace a trigger. <see cref="Parameters"/>: fixed start parameters
/// (a JSON object, no secret values); a request's body parameters override them.</summary>
public sealed record TriggerRequest(string? Name, string? Playbook, JsonElement? Parameters, string? CredentialName, bool? Enabled);

/// <summary>A created trigger (or one with a new secret) with its secret: the only response that carries it.</summary>
public sealed record TriggerWithSecretDto(TriggerDto Trigger, string Secret);

/// <summary>The answer of a fired trigger: the execution started and where to follow it.</summary>
public sealed record TriggerFiredDto(Guid ExecutionId, string ExecutionUrl, string Status);
