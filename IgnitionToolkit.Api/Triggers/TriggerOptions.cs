using IgnitionToolkit.ServiceDefaults.Configuration;

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
