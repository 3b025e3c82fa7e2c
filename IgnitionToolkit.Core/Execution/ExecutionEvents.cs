using IgnitionToolkit.Contracts.Events;

namespace IgnitionToolkit.Core.Execution;

/// <summary>Receives the engine's events (<see cref="ExecutionEvent"/> records of IgnitionToolkit.Contracts) in order.
/// The Runner numbers them per execution and publishes them on the bus. Implementations must not throw.</summary>
public interface IExecutionObserver
{
    ValueTask OnEventAsync(ExecutionEvent executionEvent, CancellationToken cancellationToken);
}
