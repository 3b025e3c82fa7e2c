using IgnitionToolkit.ServiceDefaults.Configuration;

namespace IgnitionToolkit.Api.Runners;

/// <summary>Section <c>Toolkit:Runners</c>. <c>StaleAfter</c>: a Runner not heard from (presence or execution
/// heartbeat) for that long is no longer counted as up by the <c>runners</c> health component (default 30 s, three
/// times the Runners' default <c>Runner:PresenceInterval</c>).</summary>
public sealed class RunnersOptions
{
    public const string Section = "Toolkit:Runners";

    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromSeconds(30);

    public static void Rules(RunnersOptions o, SettingRules rules) => rules.Positive(o.StaleAfter, $"{Section}:StaleAfter");
}
