using IgnitionToolkit.Core.Execution;
using IgnitionToolkit.Contracts;

namespace IgnitionToolkit.Runner.Execution;

/// <summary>One execution this Runner owns: its control handle, its cancellation and its end (events published).</summary>
public sealed class OwnedExecution(Guid executionId) : IDisposable
{
    private readonly CancellationTokenSource _cancellation = new();
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile string? _cancelReason;

    public Guid ExecutionId { get; } = executionId;
    public CancellationToken Token => _cancellation.Token;
    public IExecutionControl? Control { get; set; }

    /// <summary>Why the Runner cancelled it (e.g. "runner shutting down"); null when it did not.</summary>
    public string? CancelReason => _cancelReason;

    /// <summary>Completes when the execution is over and all its events are published.</summary>
    public Task Ended => _ended.Task;

    /// <summary>Cancels through the token given to the engine, then with the control command as well.</summary>
    public void Cancel(string reason)
    {
        _cancelReason ??= reason;
        try
        {
            _cancellation.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Already ended.
        }
        try
        {
            Control?.Send(ExecutionCommand.Cancel);
        }
        catch (InvalidOperationException)
        {
            // Already finished: nothing to cancel.
        }
    }

    public void MarkEnded() => _ended.TrySetResult();

    public void Dispose() => _cancellation.Dispose();
}
