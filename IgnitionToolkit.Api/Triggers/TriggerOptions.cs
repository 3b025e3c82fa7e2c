using System.Threading.RateLimiting;
using IgnitionToolkit.ServiceDefaults.Configuration;
using IgnitionToolkit.ServiceDefaults.Security;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace IgnitionToolkit.Api.Triggers;

/// <summary>Section <c>Toolkit:Triggers</c>: how often one trigger may be called (a fixed window per trigger, on top of
/// the per-client limit of <c>Toolkit:RateLimit</c>; the same 429 answer with <c>Retry-After</c>).</summary>
public sealed class TriggerOptions
{
    public const string Section = "Toolkit:Triggers";
    public const string RateLimitPolicy = "triggers";

    /// <summary>Calls of one trigger per <see cref="Window"/> (default 30).</summary>
    public int PermitLimit { get; set; } = 30;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    public static void Rules(TriggerOptions o, SettingRules rules) => rules
        .AtLeast(o.PermitLimit, 1, $"{Section}:PermitLimit")
        .Positive(o.Window, $"{Section}:Window");
}

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
