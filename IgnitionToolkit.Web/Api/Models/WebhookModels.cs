namespace IgnitionToolkit.Web.Api.Models;

/// <summary>A webhook as the API shows it (no secret; of the URL only scheme and host).</summary>
public sealed record WebhookInfo(
    Guid Id, string Name, string UrlDisplay, string Preset, IReadOnlyList<string> Kinds, string? PlaybookPattern, string? Domain,
    string? Group, string? Tag, bool Enabled, bool HasSecret, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, WebhookDelivery? LastDelivery);

public sealed record WebhookAttempt(int Number, DateTimeOffset AttemptedAt, int? StatusCode, string? Error, double DurationMs);

public sealed record WebhookDelivery(
    Guid Id, Guid WebhookId, string Kind, Guid? ExecutionId, string Status, int Attempts, int? LastStatusCode, string? LastError,
    DateTimeOffset CreatedAt, DateTimeOffset? FinishedAt, IReadOnlyList<WebhookAttempt> AttemptLog, string? Body);

public sealed record WebhookOptions(IReadOnlyList<string> Kinds, IReadOnlyList<string> Presets);

/// <summary>The webhook form. Url and Secret are write-only: empty on edit keeps the stored ones.</summary>
public sealed class WebhookInput
{
    public string Name { get; set; } = "";
    public string Url { get; set; } = "";
    public string Secret { get; set; } = "";
    public bool RemoveSecret { get; set; }
    public string Preset { get; set; } = "generic";
    public IReadOnlyCollection<string> Kinds { get; set; } = [];
    public string? PlaybookPattern { get; set; }
    public string? Domain { get; set; }
    public string? Group { get; set; }
    public string? Tag { get; set; }
    public bool Enabled { get; set; } = true;
}

/// <summary>The filters of the executions page, all applied by the API.</summary>
public sealed record ExecutionFilters(
    IEnumerable<string>? Statuses = null, string? Playbook = null, string? StartedBy = null, DateTime? From = null, DateTime? To = null,
    bool PinnedOnly = false, string? Schedule = null);
