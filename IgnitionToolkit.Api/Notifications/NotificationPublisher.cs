using System.Threading.Channels;
using IgnitionToolkit.Api.Cluster;
using IgnitionToolkit.Api.Persistence;
using IgnitionToolkit.Api.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace IgnitionToolkit.Api.Notifications;

/// <summary>Wakes this instance's <see cref="WebhookSender"/> (several signals before it wakes count as one).</summary>
public sealed class DeliverySignal
{
    private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Notify() => _channel.Writer.TryWrite(true);

    /// <summary>Waits for a signal or <paramref name="timeout"/>, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken ct)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timer.CancelAfter(timeout);
        try
        {
            await _channel.Reader.ReadAsync(timer.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // the sweep interval passed
        }
    }
}

/// <summary>Stores one pending delivery per matching webhook, claimed by this instance (the one that saw the event),
/// and wakes its sender. A delivery whose dedup key a webhook already has is not stored again.</summary>
public sealed partial class NotificationPublisher(
    IServiceScopeFactory scopes, DeliverySignal signal, ApiInstance instance, NotificationOptions options, TimeProvider clock,
    ILogger<NotificationPublisher> logger) : INotificationPublisher
{
    public async Task<int> PublishAsync(NotificationEvent notification, CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ToolkitDbContext>();
            var webhooks = await db.Webhooks.AsNoTracking().Where(w => w.Enabled).ToListAsync(ct);
            var queued = 0;
            foreach (var webhook in webhooks.Where(w => WebhookFilter.Matches(w, notification)))
            {
                var delivery = NewDelivery(webhook, notification);
                db.WebhookDeliveries.Add(delivery);
                try
                {
                    await db.SaveChangesAsync(ct);
                    queued++;
                }
                catch (DbUpdateException)
                {
                    db.Entry(delivery).State = EntityState.Detached; // already queued (same dedup key): sent once
                }
            }
            if (queued > 0)
            {
                signal.Notify();
                LogQueued(logger, queued, notification.Kind);
            }
            return queued;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogNotQueued(logger, ex, notification.Kind);
            return 0;
        }
    }

    public WebhookDeliveryRecord NewDelivery(WebhookRecord webhook, NotificationEvent notification)
    {
        var now = clock.GetUtcNow();
        var id = Guid.NewGuid();
        return new WebhookDeliveryRecord
        {
            Id = id, WebhookId = webhook.Id, Kind = notification.Kind, DedupKey = notification.DedupKey, ExecutionId = notification.ExecutionId,
            Body = PayloadPresets.Render(webhook.Preset, notification, id), Status = DeliveryStatus.Pending, CreatedAt = now,
            ClaimedBy = instance.Id, ClaimedUntilMs = (now + options.ClaimDuration).ToUnixTimeMilliseconds(),
        };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Queued {Count} webhook delivery(ies) of {Kind}")]
    private static partial void LogQueued(ILogger logger, int count, string kind);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not queue the {Kind} notification")]
    private static partial void LogNotQueued(ILogger logger, Exception exception, string kind);
}

public static class DeliveryStatus
{
    public const string Pending = "pending";
    public const string Delivered = "delivered";
    public const string Failed = "failed";
}
