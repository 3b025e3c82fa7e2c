using System.Threading.RateLimiting;
using IgnitionToolkit.ServiceDefaults.Security;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace IgnitionToolkit.Api.Triggers;

/// <summary>The trigger endpoints' services, their settings, and the per-trigger rate-limit policy.</summary>
public static class TriggerServiceExtensions
{
    public static WebApplicationBuilder AddToolkitTriggers(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<TriggerStore>();
        builder.Services.AddScoped<TriggerFiring>();
        builder.Services.AddToolkitSettings<TriggerOptions>(builder.Configuration, TriggerOptions.Section, TriggerOptions.Rules);
        // a named policy of the service's rate limiter (ServiceDefaults' ToolkitRateLimiting): same switch, same 429 answer
        builder.Services.AddOptions<RateLimiterOptions>().Configure<IOptions<TriggerOptions>, IOptions<RateLimitOptions>>((limiter, triggers, limits) =>
            limiter.AddPolicy(TriggerOptions.RateLimitPolicy, context => !limits.Value.Enabled
                ? RateLimitPartition.GetNoLimiter("off")
                : RateLimitPartition.GetFixedWindowLimiter("trigger:" + context.Request.RouteValues["id"], _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = triggers.Value.PermitLimit,
                    Window = triggers.Value.Window,
                    QueueLimit = 0,
                    AutoReplenishment = true,
                })));
        return builder;
    }
}
