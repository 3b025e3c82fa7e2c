namespace IgnitionToolkit.GatewaySimulator.Middleware;

internal static class SimulatorPaths
{
    public const string Admin = "/__simulator";
    public const string Health = "/health";
    public const string Api = "/data/api/v1";

    /// <summary>Simulator-only endpoints are never affected by faults or restarts.</summary>
    public static bool IsExempt(PathString path) =>
        path.StartsWithSegments(Admin, StringComparison.OrdinalIgnoreCase) ||
        path.StartsWithSegments(Health, StringComparison.OrdinalIgnoreCase);
}
