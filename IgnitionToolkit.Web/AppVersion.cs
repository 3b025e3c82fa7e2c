using System.Reflection;

namespace IgnitionToolkit.Web;

/// <summary>The toolkit version this web app was built with (from the repository's VERSION file).</summary>
public static class AppVersion
{
    public static string Current { get; } =
        typeof(AppVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
}
