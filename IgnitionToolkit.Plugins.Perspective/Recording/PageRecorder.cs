using System.Threading.Channels;
using Microsoft.Playwright;

namespace IgnitionToolkit.Plugins.Perspective.Recording;

/// <summary>
/// Watches an execution's page while <c>perspective.record</c> runs: the script <c>recorder.js</c> (in the page now and
/// in every page loaded later) reports clicks, typing and special keys through the binding <c>__toolkitRecord</c>;
/// the main frame's navigations are added. Actions queue in <see cref="Actions"/> in the order they happened.
/// </summary>
internal sealed class PageRecorder : IAsyncDisposable
{
    public const string BindingName = "__toolkitRecord";
    private static readonly Lazy<string> Script = new(() =>
    {
        using var stream = typeof(PageRecorder).Assembly.GetManifestResourceStream("recorder.js")
            ?? throw new InvalidOperationException("recorder.js is not embedded");
        return new StreamReader(stream).ReadToEnd();
    });

    private readonly Channel<RecordedAction> _actions = Channel.CreateUnbounded<RecordedAction>(new() { SingleReader = true });
    private readonly TaskCompletionSource _stop = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly IPage _page;
    private int _closed;

    private PageRecorder(IPage page) => _page = page;

    public ChannelReader<RecordedAction> Actions => _actions.Reader;
    /// <summary>Completes when someone asks the recording to stop.</summary>
    public Task Stopped => _stop.Task;
    public string? StoppedBy { get; private set; }

    public void RequestStop(string by)
    {
        StoppedBy ??= by;
        _stop.TrySetResult();
    }

    /// <summary>Starts watching the page. <paramref name="bindingInstalled"/>: the binding of an earlier recording of the
    /// same page (a binding cannot be removed); <paramref name="route"/> sends its calls to the current recorder.</summary>
    public static async Task<PageRecorder> StartAsync(IPage page, bool bindingInstalled, Func<PageRecorder?> route)
    {
        var recorder = new PageRecorder(page);
        if (!bindingInstalled)
        {
            await page.ExposeBindingAsync(BindingName, (BindingSource _, string json) => route()?.Take(RecordedAction.Parse(json)));
            await page.AddInitScriptAsync(Script.Value);
        }
        page.FrameNavigated += recorder.OnNavigated;
        await page.EvaluateAsync(Script.Value);
        return recorder;
    }

    /// <summary>Every action the page reported so far has arrived: a round trip to the page after its last event.</summary>
    public async Task FlushAsync()
    {
        try
        {
            await _page.EvaluateAsync("() => new Promise(resolve => setTimeout(resolve, 0))").WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
        {
            // the page is gone: nothing more can come from it
        }
    }

    private void Take(RecordedAction? action)
    {
        if (action is not null && Volatile.Read(ref _closed) == 0) _actions.Writer.TryWrite(action);
    }

    private void OnNavigated(object? sender, IFrame frame)
    {
        if (frame == _page.MainFrame) Take(new RecordedAction { Kind = RecordedAction.Navigate, Url = frame.Url });
    }

    public ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _closed, 1) == 0)
        {
            _page.FrameNavigated -= OnNavigated;
            _actions.Writer.TryComplete();
        }
        return ValueTask.CompletedTask;
    }
}
