using Serilog.Core;
using Serilog.Events;

namespace IgnitionToolkit.ServiceDefaults.Logging;

/// <summary>
/// Hands every line to the service's background-written sinks (<paramref name="sinks"/>) and flushes them exactly once:
/// when the host's logging provider is disposed, or at process exit or on an unhandled exception for the exit paths that
/// never dispose the host (the API's <c>--migrate</c>, a start-up that fails). A queued line is never lost because
/// the process ended; the sinks' own disposal is not safe to repeat, hence the guard.
/// </summary>
internal sealed class FlushOnExitSink : ILogEventSink, IDisposable
{
    private readonly Logger _sinks;
    private int _disposed;

    public FlushOnExitSink(Logger sinks)
    {
        _sinks = sinks;
        AppDomain.CurrentDomain.ProcessExit += OnExit;
        AppDomain.CurrentDomain.UnhandledException += OnExit;
    }

    public void Emit(LogEvent logEvent) => _sinks.Write(logEvent);

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        AppDomain.CurrentDomain.ProcessExit -= OnExit;
        AppDomain.CurrentDomain.UnhandledException -= OnExit;
        _sinks.Dispose();
    }

    private void OnExit(object? sender, EventArgs e) => Dispose();
}
