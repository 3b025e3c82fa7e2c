using Microsoft.Playwright;

namespace IgnitionToolkit.Plugins.Perspective.Pages;

internal static class BrowserText
{
    /// <summary>Playwright messages carry a call log after the first line; integrators need the first line.</summary>
    public static string FirstLine(string message) => Browser.BrowserRuntime.FirstLine(message);

    /// <summary>True when Playwright refused the selector itself (a syntax error or an unknown engine): retrying cannot help.</summary>
    public static bool IsSelectorError(PlaywrightException ex) =>
        ex.Message.Contains("while parsing selector", StringComparison.OrdinalIgnoreCase)
        || ex.Message.Contains("is not a valid selector", StringComparison.OrdinalIgnoreCase)
        || ex.Message.Contains("Unknown engine", StringComparison.OrdinalIgnoreCase)
        || ex.Message.Contains("Unexpected token", StringComparison.OrdinalIgnoreCase);
}
