using System.Globalization;
using Microsoft.Playwright;

namespace IgnitionToolkit.Plugins.Perspective.Pages;

/// <summary>
/// Perspective-aware waiting (reference §5): never "network idle" (a Perspective page keeps a live connection);
/// wait until <c>.ignition-loading-spinner</c> is gone, and fail at once on a terminal-state page
/// (<c>h1.terminal-state-header</c>) or a component error (<c>.component-error-boundary</c>, <c>.error-pie</c>).
/// </summary>
public static class PerspectiveWaits
{
    public const string Spinner = ".ignition-loading-spinner";
    public const string TerminalState = "h1.terminal-state-header";
    public const string ComponentError = ".component-error-boundary, .error-pie";

    // Returns null while loading, else "ready", "terminal\n<text>" or "error\n<path>\n<text>".
    private const string StateScript = """
        () => {
          const text = e => (e.textContent || '').replace(/\s+/g, ' ').trim();
          const terminal = document.querySelector('h1.terminal-state-header');
          if (terminal) return 'terminal\n' + text(terminal);
          const error = document.querySelector('.component-error-boundary, .error-pie');
          if (error) {
            const owner = error.closest('[data-component-path]');
            return 'error\n' + (owner ? owner.getAttribute('data-component-path') : '') + '\n' + text(error);
          }
          if (document.readyState === 'loading') return null;
          const spinner = document.querySelector('.ignition-loading-spinner');
          if (spinner && spinner.checkVisibility()) return null;
          return 'ready';
        }
        """;

    /// <summary>Waits until the page is ready (spinner gone); throws at once on terminal state or component error.</summary>
    public static async Task WaitReadyAsync(IPage page, TimeSpan timeout, CancellationToken cancellationToken)
    {
        string? state;
        try
        {
            var handle = await page.WaitForFunctionAsync(StateScript, null,
                new PageWaitForFunctionOptions { Timeout = Ms(timeout), PollingInterval = 20 }).WaitAsync(cancellationToken);
            state = await handle.JsonValueAsync<string>();
        }
        catch (TimeoutException ex)
        {
            throw new PerspectivePageException(
                $"the page {page.Url} was still loading after {Seconds(timeout)} s (the loading spinner did not disappear)", ex);
        }
        ThrowOnBrokenState(page, state);
    }

    /// <summary>Checks once, without waiting, that the page shows no terminal state or component error.</summary>
    public static async Task CheckNotBrokenAsync(IPage page)
    {
        string? state;
        try
        {
            state = await page.EvaluateAsync<string?>(StateScript);
        }
        catch (PlaywrightException)
        {
            return; // navigating: the step's own wait decides
        }
        ThrowOnBrokenState(page, state);
    }

    private static void ThrowOnBrokenState(IPage page, string? state)
    {
        if (state is null) return;
        var parts = state.Split('\n');
        switch (parts[0])
        {
            case "terminal":
                throw new PerspectivePageException($"Perspective shows a terminal state page at {page.Url}: \"{parts[1]}\"");
            case "error":
                var where = parts[1].Length > 0 ? $" in the component at path {parts[1]}" : "";
                var detail = parts.Length > 2 && parts[2].Length > 0 ? $": \"{parts[2]}\"" : "";
                throw new PerspectivePageException($"Perspective shows a component error{where} at {page.Url}{detail}");
        }
    }

    public static float Ms(TimeSpan timeout) => (float)Math.Max(1, timeout.TotalMilliseconds);

    public static string Seconds(TimeSpan timeout) => timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
}
