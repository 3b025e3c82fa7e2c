namespace IgnitionToolkit.Plugins.Perspective.Pages;

internal static class BrowserText
{
    /// <summary>Playwright messages carry a call log after the first line; integrators need the first line.</summary>
    public static string FirstLine(string message) => Browser.BrowserRuntime.FirstLine(message);
}
