using IgnitionToolkit.Core.Plugins;
using IgnitionToolkit.Plugins.Perspective.Sessions;
using Microsoft.Playwright;
using P = IgnitionToolkit.Plugins.Perspective.Steps.PerspectiveParameters;

namespace IgnitionToolkit.Plugins.Perspective.Pages;

/// <summary>The one way the browser steps take a PNG of the page, the full page or one element
/// (<c>perspective.screenshot</c>, <c>perspective.compare_screenshot</c>, <c>perspective.verify_with_ai</c>).</summary>
internal static class PageCapture
{
    /// <param name="stable">Animations stopped, the caret hidden and one image pixel per CSS pixel: a picture that is the
    /// same from one run to the next (for comparisons and AI verdicts).</param>
    public static async Task<byte[]> CaptureAsync(IPage page, LocatorSpec? locator, bool fullPage, TimeSpan timeout, bool stable,
        CancellationToken cancellationToken)
    {
        await PerspectiveWaits.CheckNotBrokenAsync(page);
        var animations = stable ? ScreenshotAnimations.Disabled : (ScreenshotAnimations?)null;
        var caret = stable ? ScreenshotCaret.Hide : (ScreenshotCaret?)null;
        var scale = stable ? ScreenshotScale.Css : (ScreenshotScale?)null;
        try
        {
            return locator is null
                ? await page.ScreenshotAsync(new PageScreenshotOptions
                {
                    FullPage = fullPage, Type = ScreenshotType.Png, Timeout = PerspectiveWaits.Ms(timeout),
                    Animations = animations, Caret = caret, Scale = scale,
                }).WaitAsync(cancellationToken)
                : await locator.First(page).ScreenshotAsync(new LocatorScreenshotOptions
                {
                    Type = ScreenshotType.Png, Timeout = PerspectiveWaits.Ms(timeout),
                    Animations = animations, Caret = caret, Scale = scale,
                }).WaitAsync(cancellationToken);
        }
        catch (TimeoutException ex)
        {
            throw new PerspectivePageException(locator is null
                ? $"the screenshot took longer than {P.Seconds(timeout)} s"
                : $"cannot take a screenshot of {locator}: not found or not visible within {P.Seconds(timeout)} s", ex);
        }
    }

    /// <summary>The screenshot a step asks for (its locator, <c>full_page</c>, <c>timeout</c>), saved as the artifact
    /// <c>name</c> (default <c>&lt;step id&gt;.png</c>) and listed with the session's screenshots (FAT reports).</summary>
    public static async Task<(byte[] Png, ArtifactInfo Artifact)> SaveAsync(StepContext context, PerspectiveSession session, bool stable,
        CancellationToken cancellationToken)
    {
        var name = context.Get<string>("name") is { Length: > 0 } given ? given : $"{context.StepId}.png";
        if (!name.EndsWith(".png", StringComparison.OrdinalIgnoreCase)) name += ".png";
        var png = await CaptureAsync(session.Page, LocatorSpec.FromOptional(context), context.Get<bool>("full_page"), P.TimeoutOf(context, 10),
            stable, cancellationToken);
        await using var stream = new MemoryStream(png);
        var artifact = await context.Artifacts.SaveAsync(name, "image/png", stream, cancellationToken);
        session.RecordScreenshot(artifact);
        return (png, artifact);
    }
}
