using IgnitionToolkit.ServiceDefaults.Configuration;

namespace IgnitionToolkit.Api.Security;

/// <summary>Section <c>Toolkit:Cors</c>. Closed by default: no browser page from another origin may call the API.
/// <c>AllowedOrigins</c> lists the origins that may, separated by commas or semicolons
/// (e.g. <c>https://ops.example.com,http://localhost:5173</c>): scheme, host and optional port, no path.</summary>
public sealed class CorsSettings
{
    public const string Section = "Toolkit:Cors";
    public const string PolicyName = "toolkit-cors";

    public string? AllowedOrigins { get; set; }

    /// <summary>The configured origins, normalised (<c>https://Ops.Example.com/</c> → <c>https://ops.example.com</c>).</summary>
    public IReadOnlyList<string> Origins() => Split(AllowedOrigins).Select(o => Normalise(o) ?? o).Distinct(StringComparer.Ordinal).ToList();

    public static void Rules(CorsSettings o, SettingRules rules)
    {
        foreach (var origin in Split(o.AllowedOrigins))
            rules.Check(Normalise(origin) is not null, $"{Section}:AllowedOrigins",
                $"must list origins like https://host[:port] without path, query or wildcard (was '{origin}')");
    }

    private static IEnumerable<string> Split(string? value) =>
        (value ?? "").Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string? Normalise(string origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.AbsolutePath == "/"
        && uri.Query.Length == 0 && uri.Fragment.Length == 0 && uri.UserInfo.Length == 0 && !origin.Contains('*', StringComparison.Ordinal)
            ? uri.GetLeftPart(UriPartial.Authority).ToLowerInvariant()
            : null;
}
