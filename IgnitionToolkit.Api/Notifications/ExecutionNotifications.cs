using System.Globalization;
using System.Threading.Channels;
using IgnitionToolkit.Api.Executions.Projection;
using IgnitionToolkit.Contracts.Live;
using IgnitionToolkit.Api.Persistence;
using IgnitionToolkit.Api.Persistence.Entities;
using IgnitionToolkit.Api.Playbooks;
using IgnitionToolkit.Core.Execution;
using Microsoft.EntityFrameworkCore;
using IgnitionToolkit.Contracts;
using IgnitionToolkit.Contracts.Events;

namespace IgnitionToolkit.Api.Notifications;

/// <summary>
/// Executions that reached an end (completed, failed, interrupted, cancelled) on this instance, waiting to become
/// notifications. Told by whoever applied the end: the event applier through <see cref="ExecutionOutcomeNotifier"/>
/// (on the instance that consumed the event), the heartbeat monitor (the lease holder), a cancel before start. Taking
/// one never waits: <see cref="ExecutionNotificationWorker"/> does the rest off that path.
/// </summary>
public sealed class ExecutionOutcomes
{
    private readonly Channel<(Guid Id, string Status)> _channel = Channel.CreateUnbounded<(Guid, string)>(new UnboundedChannelOptions { SingleReader = true });

    public void Ended(Guid executionId, string status)
    {
        if (NotificationKinds.ForExecutionStatus(status) is not null) _channel.Writer.TryWrite((executionId, status));
    }

    public ChannelReader<(Guid Id, string Status)> Reader => _channel.Reader;
}

/// <summary>The event applier's hook: an applied <c>execution_finished</c> that left the execution in an end state.</summary>
public sealed class ExecutionOutcomeNotifier(ExecutionOutcomes outcomes) : IExecutionEventNotifier
{
    public Task EventsAppliedAsync(ExecutionEventsMessage applied, CancellationToken ct)
    {
        if (applied.Events.Any(e => e.Event is ExecutionFinishedEvent)) outcomes.Ended(applied.ExecutionId, applied.Status.ToWire());
        return Task.CompletedTask;
    }
}

/// <summary>Turns ended executions into <c>execution.*</c> notifications (summary, step counts, the Web link, the
/// playbook's domain, group and tags for the filters) and publishes them.</summary>
public sealed partial class ExecutionNotificationWorker(
    ExecutionOutcomes outcomes, IServiceScopeFactory scopes, INotificationPublisher publisher, NotificationOptions options,
    ILogger<ExecutionNotificationWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var (id, status) in outcomes.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<ToolkitDbContext>();
                if (!await db.Webhooks.AnyAsync(w => w.Enabled, stoppingToken)) continue;
                var execution = await db.Executions.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, stoppingToken);
                if (execution is null) continue;
                var steps = await db.StepResults.AsNoTracking().Where(s => s.ExecutionId == id)
                    .OrderBy(s => s.Order).Select(s => new { s.Name, s.StepPath, s.Status }).ToListAsync(stoppingToken);
                var scopeOf = await NotificationScopes.ForPlaybookAsync(
                    scope.ServiceProvider.GetRequiredService<PlaybookValidator>(), execution.PlaybookPath, stoppingToken);
                var failed = steps.FirstOrDefault(s => s.Status == StepStatus.Failed);
                var notification = Build(execution, status, scopeOf, steps.Count(s => s.Status == StepStatus.Completed),
                    steps.Count(s => s.Status == StepStatus.Failed), failed?.Name ?? failed?.StepPath, options.WebBaseUrl);
                await publisher.PublishAsync(notification, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogNotNotified(logger, ex, id);
            }
        }
    }

    public static NotificationEvent Build(
        ExecutionRecord e, string status, NotificationScope scope, int completed, int failed, string? failedStep, Uri? webBaseUrl)
    {
        var kind = NotificationKinds.ForExecutionStatus(status) ?? throw new ArgumentException($"'{status}' is no end state", nameof(status));
        var url = webBaseUrl is null ? null : new Uri(webBaseUrl, $"executions/{e.Id:D}").ToString();
        var duration = e.StartedAt is { } s && e.FinishedAt is { } f ? (f - s).TotalSeconds : (double?)null;
        var payload = new ExecutionNotificationPayload(e.Id, e.PlaybookPath, e.PlaybookName, status, e.Error, e.Reason, e.StartedBy,
            e.CreatedAt, e.StartedAt, e.FinishedAt, duration, e.StepCount, completed, failed, failedStep, url);
        var text = status switch
        {
            "completed" => $"{e.PlaybookName} completed",
            "failed" => $"{e.PlaybookName} failed" + (failedStep is null ? "" : $" at step {failedStep}") + (e.Error is null ? "" : $": {e.Error}"),
            "interrupted" => $"{e.PlaybookName} was interrupted" + (e.Reason is null ? "" : $": {e.Reason}"),
            _ => $"{e.PlaybookName} was cancelled" + (e.Reason is null ? "" : $": {e.Reason}"),
        };
        var facts = new List<NotificationFact> { new("Playbook", e.PlaybookPath), new("Status", status) };
        if (e.StartedBy is { } by) facts.Add(new("Started by", by));
        if (duration is { } d) facts.Add(new("Duration", TimeSpan.FromSeconds(Math.Round(d)).ToString("c", CultureInfo.InvariantCulture)));
        facts.Add(new("Steps", $"{completed} completed, {failed} failed" + (e.StepCount is { } n ? $" of {n}" : "")));
        var links = url is null ? Array.Empty<NotificationLink>() : [new NotificationLink("execution", "Open execution", url)];
        return new NotificationEvent(kind, $"{kind}:{e.Id:D}", e.FinishedAt ?? DateTimeOffset.UtcNow,
            $"Execution {status}: {e.PlaybookName}", text, scope, facts, links, payload, e.Id);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not notify the end of execution {ExecutionId}")]
    private static partial void LogNotNotified(ILogger logger, Exception exception, Guid executionId);
}
