using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Retry;

namespace IgnitionToolkit.Plugins.Gateway.Http;

/// <summary>Names and the resilience policy of the gateway HTTP client.</summary>
public static class GatewayHttp
{
    /// <summary>Name of the <see cref="System.Net.Http.HttpClient"/> registered with <c>IHttpClientFactory</c>.</summary>
    public const string ClientName = "IgnitionGateway";

    /// <summary>Set on a request to forbid retries even for a GET (readiness polls are their own retry loop).</summary>
    public static readonly HttpRequestOptionsKey<bool> NoRetry = new("IgnitionGateway.NoRetry");

    public static SocketsHttpHandler CreatePrimaryHandler(GatewayClientOptions options) => new()
    {
        AllowAutoRedirect = false,   // the login flow follows 302s itself to collect cookies
        UseCookies = false,          // cookies are kept per gateway session by GatewayClient
        ConnectTimeout = options.ConnectTimeout,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
    };

    /// <summary>Retries only idempotent GET requests on transient failures (5xx, 408, 429, dropped or refused
    /// connections, an attempt's timeout); POSTs (restart, restore, upload, import...) never.</summary>
    public static ResiliencePipeline<HttpResponseMessage> CreateRetryPipeline(GatewayClientOptions options) =>
        new ResiliencePipelineBuilder<HttpResponseMessage>().AddRetry(new RetryStrategyOptions<HttpResponseMessage>
        {
            MaxRetryAttempts = Math.Max(1, options.GetRetryCount),
            Delay = options.GetRetryDelay,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            ShouldHandle = args => ValueTask.FromResult(options.GetRetryCount > 0 && IsRetryable(args.Context, args.Outcome)),
        }).Build();

    internal static bool IsRetryable(ResilienceContext context, Outcome<HttpResponseMessage> outcome)
    {
        if (!context.Properties.TryGetValue(GatewayRetryHandler.Request, out var request) || request.Method != HttpMethod.Get) return false;
        if (request.Options.TryGetValue(NoRetry, out var noRetry) && noRetry) return false;
        return HttpClientResiliencePredicates.IsTransient(outcome);
    }
}
