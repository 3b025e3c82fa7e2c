using IgnitionToolkit.Core.Plugins;
using IgnitionToolkit.Plugins.Perspective.Browser;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace IgnitionToolkit.Plugins.Perspective.Sessions;

/// <summary>
/// One execution's browser: an isolated context (cookies never shared with other executions), its page and the live
/// view. Kept in <see cref="StepContext.Items"/>, so the engine closes it when the execution ends, fails, is cancelled
/// or interrupted.
/// </summary>
public sealed class PerspectiveSession : IAsyncDisposable
{
    public const string ItemKey = "perspective.session";

    private readonly List<ArtifactInfo> _screenshots = [];
    private LiveViewStreamer? _liveView;
    private IDisposable? _input;

    private PerspectiveSession(IBrowserContext context) => Context = context;

    public IBrowserContext Context { get; }
    public IPage Page { get; private set; } = null!;
    /// <summary>Path of the browser step running now (labels live view frames).</summary>
    public string? CurrentStepPath { get; set; }
    /// <summary>Downloads of this execution, saved as artifacts (and into <c>download_path</c>).</summary>
    internal DownloadRecorder Downloads { get; } = new();
    /// <summary>The recording that runs now (<c>perspective.record</c>), if any: a stop from the live view reaches it.</summary>
    internal Recording.PageRecorder? Recorder { get; set; }
    /// <summary>The recorder's binding is in the page (it stays for the page's life; later recordings reuse it).</summary>
    internal bool RecorderBindingInstalled { get; set; }
    /// <summary>Screenshots the browser steps of this execution saved (a FAT report shows them).</summary>
    public IReadOnlyList<ArtifactInfo> Screenshots { get { lock (_screenshots) return [.. _screenshots]; } }

    public void RecordScreenshot(ArtifactInfo artifact)
    {
        lock (_screenshots) _screenshots.Add(artifact);
    }

    /// <summary>The execution's session, or null when no browser step opened one yet.</summary>
    public static PerspectiveSession? Find(StepContext context) => context.Items.Get<PerspectiveSession>(ItemKey);

    /// <summary>The execution's session, opened (and the browser started) on first use.</summary>
    public static async Task<PerspectiveSession> GetOrOpenAsync(StepContext context, CancellationToken cancellationToken)
    {
        if (Find(context) is { Page.IsClosed: false } open) return open;
        var runtime = context.Services.GetService<BrowserRuntime>()
            ?? throw new InvalidOperationException("this host has no browser runtime (Perspective steps run in the Runner, which calls AddPerspectiveSteps)");
        // Not abandoned on cancellation: a context created after the step gave up would never be closed.
        var browserContext = await runtime.NewContextAsync(CancellationToken.None);
        var session = new PerspectiveSession(browserContext);
        context.Items.Set(ItemKey, session); // from now on the engine closes it, whatever happens next
        session.Page = await browserContext.NewPageAsync();
        session.Downloads.Watch(browserContext);
        cancellationToken.ThrowIfCancellationRequested();
        runtime.RefreshProcessRecord();
        if (context.Services.GetService<ILiveViewPublisher>() is { } publisher && runtime.Options.LiveViewFramesPerSecond > 0)
            session._liveView = new LiveViewStreamer(session.Page, publisher, context.ExecutionId, () => session.CurrentStepPath,
                Math.Min(runtime.Options.LiveViewFramesPerSecond, 10));
        // click through the live view: the Runner routes an operator's clicks and keys for this execution to this page
        if (context.Services.GetService<LiveViewInputs>() is { } inputs)
            session._input = inputs.Register(context.ExecutionId, new LiveViewInputTarget(session, context.Items.Get<IExecutionLog>(IExecutionLog.ItemKey)));
        return session;
    }

    public async ValueTask DisposeAsync()
    {
        _input?.Dispose();
        if (_liveView is not null) await _liveView.DisposeAsync();
        await Downloads.FinishAsync();
        try
        {
            await Context.CloseAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception ex) when (ex is PlaywrightException or TimeoutException or ObjectDisposedException)
        {
            // the browser is already gone
        }
    }
}
