using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace IgnitionToolkit.Api.Notifications;

/// <summary>
/// The webhook HTTP client (<see cref="ClientName"/>) and its own resilience pipeline, replacing the host's standard one:
/// a total timeout, then retries (<see cref="NotificationOptions.MaxRetries"/>, exponential backoff with jitter from
/// <see cref="NotificationOptions.RetryDelay"/>, honouring <c>Retry-After</c> up to 30 s) on 5xx, 408, 429, connection
/// errors and attempt timeouts, then the per-attempt timeout. No hedging (a receiver must not get parallel copies) and no
/// circuit breaker (receivers are unrelated; one down must not stop the others). POSTs are retried: every attempt of a
/// delivery carries the same <c>X-Toolkit-Delivery</c> id, so a receiver can drop duplicates.
/// </summary>
public static class WebhookHttp
{
    public const string ClientName = "toolkit-webhooks";

    public static IServiceCollection AddWebhookHttpClient(this IServiceCollection services, NotificationOptions options)
    {
#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers is marked experimental
        services.AddHttpClient(ClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .RemoveAllResilienceHandlers()
            .AddResilienceHandler("webhooks", builder => builder
                .AddTimeout(options.TotalTimeout)
                .AddRetry(RetryOptions(options))
                .AddTimeout(options.AttemptTimeout));
#pragma warning restore EXTEXP0001
        services.AddHttpClient(ClientName).AddHttpMessageHandler(() => new AttemptRecorder()); // inside the retries: one record per attempt
        return services;
    }

    public static HttpRetryStrategyOptions RetryOptions(NotificationOptions options) => new()
    {
        MaxRetryAttempts = Math.Max(1, options.MaxRetries),
        Delay = options.RetryDelay,
        MaxDelay = TimeSpan.FromSeconds(30),
        BackoffType = DelayBackoffType.Exponential,
        UseJitter = true,
        ShouldRetryAfterHeader = true,
        ShouldHandle = args => ValueTask.FromResult(options.MaxRetries > 0 && HttpClientResiliencePredicates.IsTransient(args.Outcome)),
    };

    /// <summary>One HTTP attempt as the delivery log keeps it.</summary>
    public sealed record Attempt(DateTimeOffset At, int? StatusCode, string? Error, double DurationMs);

    /// <summary>The attempts of the delivery being sent in this async flow (set by the sender around one <c>SendAsync</c>).</summary>
    public static readonly AsyncLocal<List<Attempt>?> CurrentAttempts = new();

    private sealed class AttemptRecorder : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var log = CurrentAttempts.Value;
            var at = DateTimeOffset.UtcNow;
            var watch = Stopwatch.StartNew();
            try
            {
                var response = await base.SendAsync(request, cancellationToken);
                log?.Add(new Attempt(at, (int)response.StatusCode, Success(response.StatusCode) ? null : Describe(response), watch.Elapsed.TotalMilliseconds));
                return response;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                log?.Add(new Attempt(at, null, $"timed out after {watch.Elapsed.TotalSeconds:0.0} s", watch.Elapsed.TotalMilliseconds));
                throw;
            }
            catch (Exception ex)
            {
                log?.Add(new Attempt(at, null, IgnitionToolkit.Core.Security.LiveSecrets.Mask(ex.GetBaseException().Message), watch.Elapsed.TotalMilliseconds));
                throw;
            }
        }

        private static string Describe(HttpResponseMessage response) =>
            $"HTTP {(int)response.StatusCode} {response.ReasonPhrase ?? response.StatusCode.ToString()}";
    }

    public static bool Success(HttpStatusCode code) => (int)code is >= 200 and <= 299;
}
