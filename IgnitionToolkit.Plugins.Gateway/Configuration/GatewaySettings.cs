using IgnitionToolkit.Plugins.Gateway.Http;

namespace IgnitionToolkit.Plugins.Gateway.Configuration;

/// <summary>Configuration section of <see cref="GatewayClientOptions"/> (<c>Toolkit:Gateway:RequestTimeout</c>, ...) and its rules.</summary>
public static class GatewaySettings
{
    public const string Section = "Toolkit:Gateway";

    /// <summary>Reports each invalid value through <paramref name="check"/> (valid, key, requirement).</summary>
    public static void Rules(GatewayClientOptions o, Action<bool, string, string> check)
    {
        check(o.RequestTimeout > TimeSpan.Zero, $"{Section}:RequestTimeout", "must be a positive duration");
        check(o.TransferTimeout > TimeSpan.Zero, $"{Section}:TransferTimeout", "must be a positive duration");
        check(o.ConnectTimeout > TimeSpan.Zero, $"{Section}:ConnectTimeout", "must be a positive duration");
        check(o.GetRetryCount >= 0, $"{Section}:GetRetryCount", "must be at least 0");
        check(o.GetRetryDelay >= TimeSpan.Zero, $"{Section}:GetRetryDelay", "must not be negative");
    }
}
