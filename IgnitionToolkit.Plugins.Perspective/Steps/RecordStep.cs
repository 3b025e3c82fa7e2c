using IgnitionToolkit.Core.Plugins;
using IgnitionToolkit.Plugins.Perspective.Pages;
using IgnitionToolkit.Plugins.Perspective.Recording;
using IgnitionToolkit.Plugins.Perspective.Sessions;
using Microsoft.Playwright;
using SkiaSharp;
using P = IgnitionToolkit.Plugins.Perspective.Steps.PerspectiveParameters;

namespace IgnitionToolkit.Plugins.Perspective.Steps;

/// <summary><c>perspective.record</c>: the recorder. Holds the execution's page open while an operator works in it
/// through the live view; each click, typing, special key and navigation becomes a step of a draft playbook (a log
/// line and a thumbnail per step), which is the step's output when the recording is stopped.</summary>
public sealed class RecordStep : PerspectiveStep
{
    private const int ThumbnailWidth = 320;

    public override StepTypeDescriptor Descriptor { get; } = new("perspective.record", P.Category,
        "Records what an operator does in the page through the live view (clicks, typing, special keys, navigations) as the steps of a draft " +
        "playbook, until the recording is stopped (POST /api/v1/recordings/{id}/stop) or 'max_seconds' pass. Locators: the Perspective component " +
        "path first, then role and accessible name, then text, CSS last. A password field's value is never recorded.",
        [
            new StepParameterSchema("name", StepParameterType.String, Description: "Name of the draft playbook (default: 'Recorded <date>')."),
            new StepParameterSchema("max_seconds", StepParameterType.Float, Default: 3600.0,
                Description: "The recording ends by itself after this many seconds (keep the step's own 'timeout' longer)."),
            new StepParameterSchema("thumbnails", StepParameterType.Boolean, Default: true, Description: "Save a small JPEG of the page per recorded step."),
        ],
        Outputs: P.Outputs(
            new StepOutputSchema("draft", StepParameterType.String, "The draft playbook (YAML)."),
            new StepOutputSchema("steps", StepParameterType.Integer, "How many steps were recorded (the opening navigation not counted)."),
            new StepOutputSchema("password", StepParameterType.Boolean, "A password was typed: the draft asks for the 'password' parameter.")));

    protected override async Task<StepResult> RunAsync(StepContext context, PerspectiveSession session, CancellationToken cancellationToken)
    {
        var maxSeconds = context.Get<double?>("max_seconds") ?? 3600;
        if (maxSeconds <= 0) throw new StepParameterException("max_seconds", "'max_seconds' must be positive");
        var thumbnails = context.Get<bool?>("thumbnails") ?? true;
        var page = session.Page;
        var builder = new DraftBuilder(page.Url);
        if (session.Recorder is not null) throw new PerspectivePageException("a recording already runs in this execution");
        await using var recorder = await PageRecorder.StartAsync(page, session.RecorderBindingInstalled, () => session.Recorder);
        session.RecorderBindingInstalled = true;
        session.Recorder = recorder;
        try
        {
            context.Logger.LogStep($"recording {page.Url}: click and type in the live view, then stop the recording");
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(TimeSpan.FromSeconds(maxSeconds));
            var stopped = recorder.Stopped.WaitAsync(limit.Token);
            while (true)
            {
                var more = recorder.Actions.WaitToReadAsync(limit.Token).AsTask();
                if (await Task.WhenAny(more, stopped) == stopped || !await SafelyAsync(more)) break;
                await TakeAsync(context, session, recorder, builder, thumbnails, cancellationToken);
            }
            cancellationToken.ThrowIfCancellationRequested(); // the execution was cancelled: no draft
            await recorder.FlushAsync(); // what the page saw before the stop still counts
            await TakeAsync(context, session, recorder, builder, thumbnails, cancellationToken);
        }
        finally
        {
            session.Recorder = null;
        }
        var why = recorder.StoppedBy is { } by ? $"stopped by {by}" : $"ended after {P.Seconds(TimeSpan.FromSeconds(maxSeconds))} s";
        context.Logger.LogStep($"recording {why}: {builder.RecordedCount} step(s) recorded");
        var name = context.Get<string>("name") is { Length: > 0 } given ? given : $"Recorded {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm}";
        return Done(("draft", builder.ToYaml(name, DateTimeOffset.UtcNow)), ("steps", (long)builder.RecordedCount), ("password", builder.HasPassword));
    }

    private static async Task<bool> SafelyAsync(Task<bool> more)
    {
        try
        {
            return await more;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static async Task TakeAsync(StepContext context, PerspectiveSession session, PageRecorder recorder, DraftBuilder builder,
        bool thumbnails, CancellationToken cancellationToken)
    {
        while (recorder.Actions.TryRead(out var action))
        {
            if (builder.Add(action) is not { } step) continue;
            if (step.Type == "perspective.verify_page") await LoadedAsync(session.Page, cancellationToken); // its thumbnail shows the new page
            var number = builder.RecordedCount;
            context.Logger.LogStep($"recorded step {number}: {step.Type} — {step.Name}");
            if (thumbnails) await ThumbnailAsync(context, session.Page, $"recorded-{number:000}-{step.Id}.jpg", cancellationToken);
        }
    }

    private static async Task LoadedAsync(IPage page, CancellationToken cancellationToken)
    {
        try
        {
            await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded, new() { Timeout = 30_000 }).WaitAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
        {
            // a page that does not load still was navigated to: the step stays
        }
    }

    /// <summary>A small JPEG of the page as it is now (a failure only costs the picture).</summary>
    private static async Task ThumbnailAsync(StepContext context, IPage page, string name, CancellationToken cancellationToken)
    {
        try
        {
            var png = await PageCapture.CaptureAsync(page, null, fullPage: false, TimeSpan.FromSeconds(10), stable: false, cancellationToken);
            using var full = SKBitmap.Decode(png);
            if (full is null) return;
            var height = Math.Max(1, full.Height * ThumbnailWidth / Math.Max(1, full.Width));
            using var small = full.Resize(new SKImageInfo(ThumbnailWidth, height), new SKSamplingOptions(SKFilterMode.Linear));
            using var data = small.Encode(SKEncodedImageFormat.Jpeg, 70);
            await using var stream = new MemoryStream(data.ToArray());
            await context.Artifacts.SaveAsync(name, "image/jpeg", stream, cancellationToken);
        }
        catch (Exception ex) when (ex is PlaywrightException or TimeoutException or PerspectivePageException)
        {
            context.Logger.LogStep($"no thumbnail for {name}: {BrowserText.FirstLine(ex.Message)}");
        }
    }
}
