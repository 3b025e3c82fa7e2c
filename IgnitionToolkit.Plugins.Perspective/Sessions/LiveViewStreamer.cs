using IgnitionToolkit.Core.Plugins;
using Microsoft.Playwright;

namespace IgnitionToolkit.Plugins.Perspective.Sessions;

/// <summary>Publishes throttled JPEG frames of an execution's page while it is open (each under 200 KB).</summary>
internal sealed class LiveViewStreamer : IAsyncDisposable
{
    public const int MaxFrameBytes = 200 * 1024;
    private static readonly int[] Qualities = [60, 40, 20];

    private readonly IPage _page;
    private readonly ILiveViewPublisher _publisher;
    private readonly Guid _executionId;
    private readonly Func<string?> _stepPath;
    private readonly TimeSpan _interval;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public LiveViewStreamer(IPage page, ILiveViewPublisher publisher, Guid executionId, Func<string?> stepPath, double framesPerSecond)
    {
        _page = page;
        _publisher = publisher;
        _executionId = executionId;
        _stepPath = stepPath;
        _interval = TimeSpan.FromSeconds(1 / framesPerSecond);
        _loop = Task.Run(LoopAsync);
    }

    private async Task LoopAsync()
    {
        using var timer = new PeriodicTimer(_interval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                if (_page.IsClosed) return;
                if (await CaptureAsync() is not { } frame) continue;
                var size = _page.ViewportSize;
                await _publisher.PublishFrameAsync(_executionId, _stepPath(), frame, size?.Width ?? 0, size?.Height ?? 0, _stop.Token);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // stopped
        }
    }

    /// <summary>A busy machine can take seconds per screenshot: a slow frame lowers the frame rate (the timer coalesces
    /// missed ticks) instead of being thrown away, which left the live view empty under load.</summary>
    private static readonly float CaptureTimeoutMs = 30_000;

    private async Task<byte[]?> CaptureAsync()
    {
        foreach (var quality in Qualities)
        {
            try
            {
                var jpeg = await _page.ScreenshotAsync(new PageScreenshotOptions
                {
                    Type = ScreenshotType.Jpeg, Quality = quality, Timeout = CaptureTimeoutMs, Animations = ScreenshotAnimations.Allow,
                });
                if (jpeg.Length <= MaxFrameBytes) return jpeg;
            }
            catch (PlaywrightException)
            {
                return null; // navigating or closing: skip this frame
            }
        }
        return null;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _loop.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException or PlaywrightException)
        {
            // a frame in flight when the page closed
        }
        _stop.Dispose();
    }
}
