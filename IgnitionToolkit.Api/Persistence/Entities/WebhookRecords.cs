namespace IgnitionToolkit.Api.Persistence.Entities;

/// <summary>An outgoing webhook: where notifications of the chosen kinds go, for which playbooks.</summary>
public sealed class WebhookRecord
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    /// <summary>The address without its path and query (incoming-webhook URLs carry their token in the path); the full
    /// URL is only in <see cref="SecretEnvelope"/>.</summary>
    public required string UrlDisplay { get; set; }
    /// <summary><c>generic</c>, <c>teams</c> or <c>slack</c> (<see cref="Notifications.PayloadPresets"/>).</summary>
    public required string Preset { get; set; }
    /// <summary>Comma-separated notification kinds; empty: every kind.</summary>
    public required string Kinds { get; set; }
    /// <summary>Glob on the playbook's library path (e.g. <c>gateway/**</c>); null: any playbook.</summary>
    public string? PlaybookPattern { get; set; }
    /// <summary>The playbook's top-level <c>domain</c>; null: any.</summary>
    public string? Domain { get; set; }
    /// <summary>The playbook's top-level <c>group</c>; null: any.</summary>
    public string? Group { get; set; }
    /// <summary>One of the playbook's tags; null: any.</summary>
    public string? Tag { get; set; }
    public bool Enabled { get; set; }
    /// <summary>The URL and the signing secret, sealed with the vault key (associated data: the webhook's id).</summary>
    public required string SecretEnvelope { get; set; }
    public required string KeyId { get; set; }
    public bool HasSecret { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>One notification to one webhook: the exact body, its state, and who is sending it.</summary>
public sealed class WebhookDeliveryRecord
{
    public Guid Id { get; set; }
    public Guid WebhookId { get; set; }
    public required string Kind { get; set; }
    /// <summary>Unique per webhook: the same event is delivered once (e.g. <c>execution.failed:&lt;id&gt;</c>).</summary>
    public required string DedupKey { get; set; }
    public Guid? ExecutionId { get; set; }
    /// <summary>The JSON body as sent (no secret: execution summaries are masked).</summary>
    public required string Body { get; set; }
    /// <summary><c>pending</c>, <c>delivered</c> or <c>failed</c>.</summary>
    public required string Status { get; set; }
    public int Attempts { get; set; }
    public int? LastStatusCode { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    /// <summary>The API instance sending it, until <see cref="ClaimedUntilMs"/> (another takes it over after that).</summary>
    public string? ClaimedBy { get; set; }
    public long ClaimedUntilMs { get; set; }
}

/// <summary>One HTTP attempt of a delivery (the retry pipeline may make several).</summary>
public sealed class WebhookAttemptRecord
{
    public long Id { get; set; }
    public Guid DeliveryId { get; set; }
    public int Number { get; set; }
    public DateTimeOffset AttemptedAt { get; set; }
    public int? StatusCode { get; set; }
    public string? Error { get; set; }
    public double DurationMs { get; set; }
}
