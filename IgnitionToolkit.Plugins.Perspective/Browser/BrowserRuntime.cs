using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace IgnitionToolkit.Plugins.Perspective.Browser;

public enum BrowserState { NotStarted, Running, Failed, Closed }

/// <summary>
/// The one Chromium of this process, started on first need through Playwright and closed when the host stops
/// (disposal of the service provider). Executions get isolated contexts from it (<see cref="NewContextAsync"/>).
/// </summary>
public sealed partial class BrowserRuntime : IAsyncDisposable
{
    private readonly BrowserOptions _options;
    private readonly BrowserProcessRecord _record;
    private readonly ILogger<BrowserRuntime> _logger;
    private readonly SemaphoreSlim _launchGate = new(1, 1);
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private bool _reaped;
    private bool _disposed;

    public BrowserRuntime(IOptions<BrowserOptions> options, BrowserProcessRecord record, ILogger<BrowserRuntime> logger)
    {
        _options = options.Value;
        _record = record;
        _logger = logger;
    }

    public BrowserState State { get; private set; } = BrowserState.NotStarted;
    public string? LastError { get; private set; }
    public string? Version => _browser?.IsConnected == true ? _browser.Version : null;
    public string? ExecutablePath => _options.ResolveExecutable();
    public int OpenContexts => _browser?.IsConnected == true ? _browser.Contexts.Count : 0;
    public BrowserOptions Options => _options;

    /// <summary>Kills browser processes left by Runners that died without closing them (safe to call more than once).</summary>
    public void ReapLeftovers()
    {
        if (_reaped) return;
        _reaped = true;
        try
        {
            _record.ReapLeftovers();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogReapFailed(_logger, ex.Message);
        }
    }

    /// <summary>A new isolated context (own cookies and storage) on the shared browser, started if needed.</summary>
    public async Task<IBrowserContext> NewContextAsync(CancellationToken cancellationToken)
    {
        var browser = await GetBrowserAsync(cancellationToken);
        return await browser.NewContextAsync(new BrowserNewContextOptions
        {
            IgnoreHTTPSErrors = _options.IgnoreHttpsErrors,
            AcceptDownloads = true, // saved as artifacts (DownloadRecorder)
            ViewportSize = new ViewportSize { Width = _options.ViewportWidth, Height = _options.ViewportHeight },
        });
    }

    private async Task<IBrowser> GetBrowserAsync(CancellationToken cancellationToken)
    {
        if (_browser is { IsConnected: true } ready) return ready;
        await _launchGate.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_browser is { IsConnected: true } launched) return launched;
            await CloseQuietlyAsync();
            ReapLeftovers();
            try
            {
                _playwright = await Playwright.CreateAsync();
                var executable = _options.ResolveExecutable();
                _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
                {
                    ExecutablePath = executable,
                    Headless = _options.Headless,
                    Args = _options.ResolveArgs(),
                    Timeout = (float)_options.LaunchTimeout.TotalMilliseconds,
                    HandleSIGINT = false,
                    HandleSIGTERM = false,
                    HandleSIGHUP = false,
                });
            }
            catch (Exception ex) when (ex is PlaywrightException or InvalidOperationException or IOException or System.ComponentModel.Win32Exception)
            {
                State = BrowserState.Failed;
                LastError = FirstLine(ex.Message);
                await CloseQuietlyAsync();
                throw new InvalidOperationException(
                    $"Chromium could not be started ({_options.ResolveExecutable() ?? "Playwright's own Chromium"}): {LastError}. " +
                    $"Install it (Debian: apt-get install chromium) or set {BrowserOptions.Section}:ExecutablePath.", ex);
            }
            _browser.Disconnected += (_, _) =>
            {
                if (State == BrowserState.Running) State = BrowserState.Failed;
                LastError = "the browser process exited";
            };
            State = BrowserState.Running;
            LastError = null;
            _record.Record();
            LogLaunched(_logger, _browser.Version, _options.ResolveExecutable() ?? "playwright chromium");
            return _browser;
        }
        finally
        {
            _launchGate.Release();
        }
    }

    /// <summary>Re-reads the browser's process list into the record (Chromium starts helper processes lazily).</summary>
    public void RefreshProcessRecord()
    {
        if (State == BrowserState.Running) _record.Record();
    }

    public async ValueTask DisposeAsync()
    {
        await _launchGate.WaitAsync();
        try
        {
            if (_disposed) return;
            _disposed = true;
            var wasRunning = _browser is not null;
            await CloseQuietlyAsync();
            if (wasRunning) LogClosed(_logger);
            State = BrowserState.Closed;
        }
        finally
        {
            _launchGate.Release();
        }
    }

    private async Task CloseQuietlyAsync()
    {
        if (_browser is { } browser)
        {
            _browser = null;
            try
            {
                await browser.CloseAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }
            catch (Exception ex) when (ex is PlaywrightException or TimeoutException or ObjectDisposedException)
            {
                LogCloseFailed(_logger, FirstLine(ex.Message));
            }
        }
        _playwright?.Dispose(); // ends the Node driver (its stdin closes)
        _playwright = null;
        _record.Clear();
    }

    internal static string FirstLine(string message)
    {
        var line = message.Split('\n', 2)[0].Trim();
        return line.Length > 0 ? line : message;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "browser started: Chromium {Version} ({Executable})")]
    private static partial void LogLaunched(ILogger logger, string version, string executable);

    [LoggerMessage(Level = LogLevel.Information, Message = "browser closed")]
    private static partial void LogClosed(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "closing the browser failed: {Message}")]
    private static partial void LogCloseFailed(ILogger logger, string message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "could not check for browser processes left by a previous Runner: {Message}")]
    private static partial void LogReapFailed(ILogger logger, string message);
}
