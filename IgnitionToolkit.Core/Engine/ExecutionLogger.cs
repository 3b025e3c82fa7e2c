using IgnitionToolkit.Core.Execution;
using Microsoft.Extensions.Logging;
using IgnitionToolkit.Contracts.Events;

namespace IgnitionToolkit.Core.Engine;

/// <summary>A logger handed to steps: each line becomes a masked <see cref="LogEvent"/> of the execution
/// and is also written to the host's logger with the execution id in scope.</summary>
internal sealed class ExecutionLogger(ExecutionSession session, string? stepPath) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => session.HostLogger.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Debug;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel)) return;
        var message = formatter(state, exception);
        if (exception is not null) message = $"{message}: {exception.Message}";
        session.Log(stepPath, ToLevel(logLevel), message);
    }

    internal static string ToLevel(LogLevel level) => level switch
    {
        LogLevel.Trace or LogLevel.Debug => "debug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warning",
        _ => "error",
    };
}
