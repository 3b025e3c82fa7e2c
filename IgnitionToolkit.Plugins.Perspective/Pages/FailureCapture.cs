using System.Text;
using IgnitionToolkit.Core.Plugins;
using IgnitionToolkit.Plugins.Perspective.Sessions;
using Microsoft.Playwright;

namespace IgnitionToolkit.Plugins.Perspective.Pages;

/// <summary>On a failed browser step: a screenshot and the page HTML, saved as artifacts and named in the step's outputs.</summary>
internal static class FailureCapture
{
    public const string ScreenshotOutput = "failure_screenshot";
    public const string HtmlOutput = "failure_html";

    public static readonly IReadOnlyList<StepOutputSchema> Outputs =
    [
        new(ScreenshotOutput, StepParameterType.String, "Artifact name of the screenshot taken when the step failed."),
        new(HtmlOutput, StepParameterType.String, "Artifact name of the page HTML saved when the step failed."),
    ];

    public static async Task<Dictionary<string, object?>> CaptureAsync(StepContext context, PerspectiveSession? session)
    {
        var outputs = new Dictionary<string, object?>();
        if (session?.Page is not { IsClosed: false }) return outputs;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var baseName = $"{context.StepId}-failure";
        try
        {
            var png = await session.Page.ScreenshotAsync(new PageScreenshotOptions { FullPage = true, Timeout = 5000 });
            await using var stream = new MemoryStream(png);
            outputs[ScreenshotOutput] = (await context.Artifacts.SaveAsync(baseName + ".png", "image/png", stream, timeout.Token)).Name;
        }
        catch (Exception ex) when (ex is PlaywrightException or OperationCanceledException or IOException)
        {
            context.Logger.LogStep($"no failure screenshot: {BrowserText.FirstLine(ex.Message)}");
        }
        try
        {
            var html = await session.Page.ContentAsync().WaitAsync(TimeSpan.FromSeconds(5));
            await using var stream = new MemoryStream(Encoding.UTF8.GetBytes(html));
            outputs[HtmlOutput] = (await context.Artifacts.SaveAsync(baseName + ".html", "text/html", stream, timeout.Token)).Name;
        }
        catch (Exception ex) when (ex is PlaywrightException or OperationCanceledException or IOException or TimeoutException)
        {
            context.Logger.LogStep($"no failure HTML: {BrowserText.FirstLine(ex.Message)}");
        }
        return outputs;
    }
}
