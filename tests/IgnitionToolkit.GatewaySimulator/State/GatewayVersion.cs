using System.Text.RegularExpressions;

namespace IgnitionToolkit.GatewaySimulator.State;

/// <summary>Ignition version strings such as "8.3.8 (b2026071409)".</summary>
public static partial class GatewayVersion
{
    [GeneratedRegex(@"^\s*(\d+)\.(\d+)(?:\.(\d+))?")]
    private static partial Regex NumericPattern();

    public static string Numeric(string version)
    {
        var match = NumericPattern().Match(version);
        return match.Success ? match.Value.Trim() : version;
    }

    public static Version? Parse(string? version)
    {
        var match = NumericPattern().Match(version ?? "");
        if (!match.Success)
        {
            return null;
        }
        var patch = match.Groups[3].Success ? int.Parse(match.Groups[3].Value) : 0;
        return new Version(int.Parse(match.Groups[1].Value), int.Parse(match.Groups[2].Value), patch);
    }

    /// <summary>A backup restores into the same or a newer gateway of the same major version; never into an older one.</summary>
    public static bool CanRestore(string backupVersion, string gatewayVersion, out string error)
    {
        var backup = Parse(backupVersion);
        var gateway = Parse(gatewayVersion);
        if (backup is null || gateway is null)
        {
            error = $"The backup's version '{backupVersion}' is not a valid Ignition version.";
            return false;
        }
        if (backup.Major != gateway.Major || backup > gateway)
        {
            error = $"The backup was made with Ignition {backupVersion}, which is incompatible with this gateway ({gatewayVersion}).";
            return false;
        }
        error = "";
        return true;
    }
}
