namespace IgnitionToolkit.Api.Notifications;

/// <summary>A webhook as the API shows it: never its secret, and of its URL only the scheme and host.</summary>
public sealed record WebhookDto(
    Guid Id, string Name, string UrlDisplay, string Preset, IReadOnlyList<string> Kinds, string? PlaybookPattern, string? Domain,
    string? Group, string? Tag, bool Enabled, bool HasSecret, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, WebhookDeliveryDto? LastDelivery);

/// <summary>Create (name and url required) or change a webhook. On change, a property left out (null) keeps its value;
/// <c>secret: ""</c> removes the secret (deliveries are then unsigned); an empty filter means any.</summary>
/// <param name="Kinds">Notification kinds (<c>GET /api/v1/webhooks/kinds</c>); empty: every kind.</param>
public sealed record WebhookRequest(
    string? Name, string? Url, string? Secret, string? Preset, IReadOnlyList<string>? Kinds, string? PlaybookPattern, string? Domain,
    string? Group, string? Tag, bool? Enabled);

public sealed record WebhookAttemptDto(int Number, DateTimeOffset AttemptedAt, int? StatusCode, string? Error, double DurationMs);

public sealed record WebhookDeliveryDto(
    Guid Id, Guid WebhookId, string Kind, Guid? ExecutionId, string Status, int Attempts, int? LastStatusCode, string? LastError,
    DateTimeOffset CreatedAt, DateTimeOffset? FinishedAt, IReadOnlyList<WebhookAttemptDto> AttemptLog, string? Body);

/// <summary>What a webhook can be set to: the notification kinds and the payload presets.</summary>
public sealed record WebhookOptionsDto(IReadOnlyList<string> Kinds, IReadOnlyList<string> Presets);
