using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IgnitionToolkit.ServiceDefaults.Security;

/// <summary>The global request rate limit of a service (built-in ASP.NET Core rate limiter), configured by
/// <see cref="RateLimitOptions"/>: one fixed window per client, health/alive/metrics exempt, refusals as
/// <c>429</c> problem details with <c>Retry-After</c> (seconds).</summary>
public static class ToolkitRateLimiting
{
    public static IHostApplicationBuilder AddToolkitRateLimiting(this IHostApplicationBuilder builder)
    {
        builder.Services.AddToolkitSettings<RateLimitOptions>(builder.Configuration, RateLimitOptions.Section, RateLimitOptions.Rules);
        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((limiter, settings) =>
        {
            var limit = settings.Value;
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = RejectAsync;
            if (!limit.Enabled) return;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => IsExempt(context.Request.Path)
                ? RateLimitPartition.GetNoLimiter("exempt")
                : RateLimitPartition.GetFixedWindowLimiter(PartitionKey(context), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limit.PermitLimit,
                    Window = limit.Window,
                    QueueLimit = limit.QueueLimit,
                    QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                    AutoReplenishment = true,
                }));
        });
        return builder;
    }

    /// <summary>Who a request counts against: <c>user:&lt;name&gt;</c> when signed in, else <c>ip:&lt;remote address&gt;</c>.</summary>
    public static string PartitionKey(HttpContext context) =>
        context.User.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name }
            ? "user:" + name
            : "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");

    /// <summary>Health, liveness and metrics: probes and scrapers are never refused.</summary>
    public static bool IsExempt(PathString path) =>
        path.StartsWithSegments(ServiceDefaultsExtensions.HealthPath)
        || path.StartsWithSegments(ServiceDefaultsExtensions.AlivePath)
        || path.StartsWithSegments(ServiceDefaultsExtensions.MetricsPath);

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ToolkitRateLimiting))
            .LogDebug("Rate limit: refused {Method} {Path} of {Client}, retry after {Seconds} s", context.Request.Method,
                context.Request.Path, PartitionKey(context), seconds);
        await TypedResults.Problem(
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "Too many requests",
            detail: $"This client sent more requests than the rate limit allows; retry after {seconds} s.",
            type: "https://tools.ietf.org/html/rfc6585#section-4").ExecuteAsync(context);
    }
}
