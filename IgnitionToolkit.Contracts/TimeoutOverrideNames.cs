namespace IgnitionToolkit.Contracts;

/// <summary>
/// The per-run timeout overrides a start request may give (as the original toolkit's "Timeout Settings"): name → seconds.
/// A step type names the override it follows (<c>StepTypeDescriptor.TimeoutOverride</c>); a step of that type that does
/// not write its own <c>timeout</c> waits that long instead of its default.
/// </summary>
public static class TimeoutOverrideNames
{
    /// <summary><c>gateway.restart</c>, <c>gateway.restore</c> and <c>gateway.wait_for_ready</c>: how long the gateway may take to be ready again.</summary>
    public const string GatewayRestart = "gateway_restart";

    /// <summary><c>gateway.wait_for_module_installation</c>: how long a module may take to install.</summary>
    public const string ModuleInstall = "module_install";

    public static IReadOnlyList<string> Names { get; } = [GatewayRestart, ModuleInstall];

    /// <summary>Longest accepted override: one day.</summary>
    public const double MaxSeconds = 86_400;
}
