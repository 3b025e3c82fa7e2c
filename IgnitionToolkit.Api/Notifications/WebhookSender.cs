using IgnitionToolkit.Hosting.Security;
using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using IgnitionToolkit.Api.Cluster;
using IgnitionToolkit.Api.Credentials;
using IgnitionToolkit.Api.Persistence;
using IgnitionToolkit.Api.Persistence.Entities;
using IgnitionToolkit.Core.Engine;
using IgnitionToolkit.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace IgnitionToolkit.Api.Notifications;

/// <summary>
/// Sends the pending deliveries this instance claimed (those it queued itself, and those whose sender's claim expired:
/// an instance that died mid-way), a few at a time, off the event path: woken by <see cref="DeliverySignal"/>, and every
/// <see cref="SweepInterval"/>. Each delivery is one call through the <see cref="WebhookHttp"/> pipeline; every attempt
/// it makes is logged in <c>webhook_attempts</c>.
/// </summary>
public sealed partial class WebhookSender(
    IServiceScopeFactory scopes, IHttpClientFactory http, DeliverySignal signal, ApiInstance instance, NotificationOptions options,
    VaultKeys keys, TimeProvider clock, ILogger<WebhookSender> logger) : BackgroundService
{
    public static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(30);
    private const int Parallel = 4;
    private readonly ConcurrentDictionary<Guid, Task> _inFlight = new();
    private readonly SemaphoreSlim _slots = new(Parallel);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogSweepFailed(logger, ex, SweepInterval);
            }
            await signal.WaitAsync(SweepInterval, stoppingToken);
        }
        await Task.WhenAll(_inFlight.Values);
    }

    private async Task SweepAsync(CancellationToken ct)
    {
        List<Guid> candidates;
        var nowMs = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var me = instance.Id;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ToolkitDbContext>();
            candidates = await db.WebhookDeliveries.AsNoTracking()
                .Where(d => d.Status == DeliveryStatus.Pending && (d.ClaimedBy == me || d.ClaimedUntilMs < nowMs))
                .OrderBy(d => d.CreatedAt).Select(d => d.Id).Take(100).ToListAsync(ct);
        }
        foreach (var id in candidates.Where(id => !_inFlight.ContainsKey(id)))
        {
            await _slots.WaitAsync(ct);
            if (!await ClaimAsync(id, ct))
            {
                _slots.Release();
                continue;
            }
            _inFlight[id] = Task.Run(async () =>
            {
                try
                {
                    await DeliverAsync(id, ct);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogDeliveryCrashed(logger, ex, id);
                }
                finally
                {
                    _inFlight.TryRemove(id, out _);
                    _slots.Release();
                }
            }, CancellationToken.None);
        }
    }

    /// <summary>Takes (or renews) the claim on a pending delivery: of several instances, one wins.</summary>
    private async Task<bool> ClaimAsync(Guid id, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ToolkitDbContext>();
        var now = clock.GetUtcNow();
        var nowMs = now.ToUnixTimeMilliseconds();
        var until = (now + options.ClaimDuration).ToUnixTimeMilliseconds();
        var me = instance.Id;
        return await db.WebhookDeliveries
            .Where(d => d.Id == id && d.Status == DeliveryStatus.Pending && (d.ClaimedBy == me || d.ClaimedUntilMs < nowMs))
            .ExecuteUpdateAsync(u => u.SetProperty(d => d.ClaimedBy, me).SetProperty(d => d.ClaimedUntilMs, until), ct) == 1;
    }

    /// <summary>Sends one delivery (claimed by this instance) now and records its attempts and outcome.</summary>
    public async Task<WebhookDeliveryRecord?> DeliverAsync(Guid deliveryId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ToolkitDbContext>();
        var delivery = await db.WebhookDeliveries.FirstOrDefaultAsync(d => d.Id == deliveryId, ct);
        if (delivery is null || delivery.Status != DeliveryStatus.Pending) return delivery;
        var webhook = await db.Webhooks.AsNoTracking().FirstOrDefaultAsync(w => w.Id == delivery.WebhookId, ct);

        var attempts = new List<WebhookHttp.Attempt>();
        string? error = null;
        int? statusCode = null;
        if (webhook is null) error = "the webhook was deleted";
        else
        {
            try
            {
                (statusCode, error) = await SendAsync(webhook, delivery, WebhookTarget.Open(webhook, keys.Ring), attempts, ct);
            }
            catch (VaultKeyException ex)
            {
                error = ex.Message;
            }
        }

        var number = delivery.Attempts;
        foreach (var attempt in attempts)
            db.WebhookAttempts.Add(new WebhookAttemptRecord
            {
                DeliveryId = delivery.Id, Number = ++number, AttemptedAt = attempt.At, StatusCode = attempt.StatusCode,
                Error = Truncate(attempt.Error), DurationMs = attempt.DurationMs,
            });
        delivery.Attempts = number;
        delivery.LastStatusCode = statusCode ?? attempts.LastOrDefault()?.StatusCode;
        delivery.LastError = Truncate(error);
        delivery.Status = error is null ? DeliveryStatus.Delivered : DeliveryStatus.Failed;
        delivery.FinishedAt = clock.GetUtcNow();
        delivery.ClaimedUntilMs = 0;
        await db.SaveChangesAsync(CancellationToken.None); // the outcome is kept even when the host is stopping
        if (error is null) LogDelivered(logger, delivery.Id, delivery.Kind, attempts.Count);
        else LogDeliveryFailed(logger, delivery.Id, delivery.Kind, attempts.Count, error);
        return delivery;
    }

    private async Task<(int? Status, string? Error)> SendAsync(
        WebhookRecord webhook, WebhookDeliveryRecord delivery, WebhookTarget target, List<WebhookHttp.Attempt> attempts, CancellationToken ct)
    {
        if (!Uri.TryCreate(target.Url, UriKind.Absolute, out var url)) return (null, "the webhook URL is not an absolute URL");
        var body = Encoding.UTF8.GetBytes(delivery.Body);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add("X-Toolkit-Event", delivery.Kind);
        request.Headers.Add("X-Toolkit-Delivery", delivery.Id.ToString("D"));
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("IgnitionToolkit", typeof(WebhookSender).Assembly.GetName().Version?.ToString(3) ?? "3"));
        if (target.Secret is { Length: > 0 } secret) request.Headers.Add(WebhookSignature.Header, WebhookSignature.Compute(secret, body));

        // The URL's path (an incoming webhook's token) and the secret are masked in every log and span while it is sent.
        var masker = new SecretMasker();
        masker.Add(target.Secret);
        masker.Add(url.PathAndQuery.Length > 1 ? url.PathAndQuery : null);
        LiveSecrets.Track(masker);
        WebhookHttp.CurrentAttempts.Value = attempts;
        try
        {
            using var response = await http.CreateClient(WebhookHttp.ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            var code = (int)response.StatusCode;
            return (code, WebhookHttp.Success(response.StatusCode) ? null : $"HTTP {code} {response.ReasonPhrase}".TrimEnd());
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException or Polly.Timeout.TimeoutRejectedException
                                       or OperationCanceledException && !ct.IsCancellationRequested)
        {
            return (null, masker.Apply(ex.GetBaseException().Message));
        }
        finally
        {
            WebhookHttp.CurrentAttempts.Value = null;
            LiveSecrets.Untrack(masker);
        }
    }

    private static string? Truncate(string? text) => text is null || text.Length <= 1000 ? text : text[..1000] + "…";

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook sweep failed; retrying in {Interval}")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception, TimeSpan interval);

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook delivery {DeliveryId} failed unexpectedly")]
    private static partial void LogDeliveryCrashed(ILogger logger, Exception exception, Guid deliveryId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook delivery {DeliveryId} ({Kind}) delivered after {Attempts} attempt(s)")]
    private static partial void LogDelivered(ILogger logger, Guid deliveryId, string kind, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook delivery {DeliveryId} ({Kind}) failed after {Attempts} attempt(s): {Error}")]
    private static partial void LogDeliveryFailed(ILogger logger, Guid deliveryId, string kind, int attempts, string error);
}
