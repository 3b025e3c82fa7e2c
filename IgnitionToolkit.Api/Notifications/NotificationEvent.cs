namespace IgnitionToolkit.Api.Notifications;

/// <summary>
/// Something worth telling the outside world, in a form every preset can render: a title and a line of text for
/// chat tools, facts and links, the playbook it concerns (for the webhooks' filters) and the kind's own typed payload
/// (the <c>data</c> of the generic JSON body). Kinds are an open set (<see cref="NotificationKinds"/>): a feature adds a
/// kind name and a payload record and calls <see cref="INotificationPublisher.PublishAsync"/>.
/// </summary>
/// <param name="Kind">E.g. <c>execution.failed</c>; webhooks subscribe to kinds by name.</param>
/// <param name="DedupKey">The same key is delivered once per webhook (e.g. <c>execution.failed:&lt;id&gt;</c>), so a
/// notification published twice (a retried event, a second API instance) is sent once.</param>
/// <param name="Payload">A record of the kind (e.g. <see cref="ExecutionNotificationPayload"/>), serialized in snake_case.</param>
public sealed record NotificationEvent(
    string Kind, string DedupKey, DateTimeOffset OccurredAt, string Title, string Text, NotificationScope Scope,
    IReadOnlyList<NotificationFact> Facts, IReadOnlyList<NotificationLink> Links, object Payload, Guid? ExecutionId = null);

/// <summary>The playbook a notification concerns (all null: none, e.g. a test); matched by the webhooks' filters.</summary>
public sealed record NotificationScope(string? PlaybookPath, string? Domain, string? Group, IReadOnlyList<string> Tags)
{
    public static readonly NotificationScope None = new(null, null, null, []);
}

public sealed record NotificationFact(string Name, string Value);

/// <param name="Rel">Key in the generic body's <c>links</c> object (e.g. <c>execution</c>).</param>
public sealed record NotificationLink(string Rel, string Label, string Url);

/// <summary>The one way to send a notification: stores one delivery per matching, enabled webhook and wakes the sender.
/// Never waits on a webhook; never throws for delivery problems.</summary>
public interface INotificationPublisher
{
    /// <returns>How many deliveries were queued.</returns>
    Task<int> PublishAsync(NotificationEvent notification, CancellationToken ct);
}

/// <summary>The notification kinds webhooks can subscribe to. Other features add theirs here (name + payload record).</summary>
public static class NotificationKinds
{
    public const string ExecutionCompleted = "execution.completed";
    public const string ExecutionFailed = "execution.failed";
    public const string ExecutionInterrupted = "execution.interrupted";
    public const string ExecutionCancelled = "execution.cancelled";
    public const string FleetRunFinished = "fleet_run.finished";
    public const string ScheduleMissed = "schedule.missed";
    /// <summary>Sent by "send test" only; every webhook receives it whatever its kinds and filters.</summary>
    public const string Test = "test";

    public static readonly IReadOnlyList<string> All =
        [ExecutionCompleted, ExecutionFailed, ExecutionInterrupted, ExecutionCancelled, FleetRunFinished, ScheduleMissed];

    /// <summary>The kind for an execution that ended in <paramref name="status"/> (wire name); null for a status that is no end.</summary>
    public static string? ForExecutionStatus(string status) => status switch
    {
        "completed" => ExecutionCompleted,
        "failed" => ExecutionFailed,
        "interrupted" => ExecutionInterrupted,
        "cancelled" => ExecutionCancelled,
        _ => null,
    };
}

/// <summary>The <c>data</c> of the <c>execution.*</c> kinds: the execution's summary (no parameters: they may hold secrets).</summary>
public sealed record ExecutionNotificationPayload(
    Guid ExecutionId, string PlaybookPath, string PlaybookName, string Status, string? Error, string? Reason,
    string? StartedBy, DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, double? DurationSeconds,
    int? StepCount, int StepsCompleted, int StepsFailed, string? FailedStep, string? Url);

/// <summary>The <c>data</c> of a test notification.</summary>
public sealed record TestNotificationPayload(Guid WebhookId, string WebhookName, string RequestedBy);
