using IgnitionToolkit.Core.Plugins;
using Microsoft.Playwright;

namespace IgnitionToolkit.Plugins.Perspective.Sessions;

/// <summary>Click through the live view: applies an operator's click or keys to the execution's page (a click's
/// fractions of the picture scaled to the page's viewport) and says so in the execution's log.</summary>
internal sealed class LiveViewInputTarget(PerspectiveSession session, IExecutionLog? log) : ILiveViewInputTarget
{
    private static readonly float ActionTimeoutMs = 30_000;

    public async Task<string?> ApplyAsync(BrowserInput input, CancellationToken cancellationToken)
    {
        if (input.Problem() is { } problem) return problem;
        if (input.Kind == BrowserInput.StopRecording)
        {
            if (session.Recorder is not { } recorder) return "no recording runs in this execution";
            recorder.RequestStop(input.By);
            log?.Write(session.CurrentStepPath, "info", $"recorder: {input.By} stopped the recording");
            return null;
        }
        var page = session.Page;
        if (page.IsClosed) return "the execution's browser page is closed";
        try
        {
            switch (input.Kind)
            {
                case BrowserInput.Click:
                    var size = page.ViewportSize ?? throw new PlaywrightException("the page has no viewport size");
                    await page.Mouse.ClickAsync((float)(input.X!.Value * size.Width), (float)(input.Y!.Value * size.Height)).WaitAsync(TimeSpan.FromMilliseconds(ActionTimeoutMs), cancellationToken);
                    break;
                case BrowserInput.Type:
                    await page.Keyboard.TypeAsync(input.Text!).WaitAsync(TimeSpan.FromMilliseconds(ActionTimeoutMs), cancellationToken);
                    break;
                default:
                    await page.Keyboard.PressAsync(input.Key!).WaitAsync(TimeSpan.FromMilliseconds(ActionTimeoutMs), cancellationToken);
                    break;
            }
        }
        catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
        {
            log?.Write(session.CurrentStepPath, "warning", $"live view: {input.By} {input.Describe()} failed: {ex.Message}");
            return ex.Message;
        }
        log?.Write(session.CurrentStepPath, "info", $"live view: {input.By} {input.Describe()}");
        return null;
    }
}
