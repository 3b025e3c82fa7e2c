using IgnitionToolkit.Contracts.Events;

namespace IgnitionToolkit.Core.Execution;

/// <summary>Receives the engine's events (<see cref="ExecutionEvent"/> records of IgnitionToolkit.Contracts) in order.
/// The Runner numbers them per execution and publishes them on the bus. Implementations must not throw.</summary>
public interface IExecutionObserver
{
    ValueTask OnEventAsync(ExecutionEvent executionEvent, CancellationToken cancellationToken);
}

/// <summary>An observer that only records or queues what it receives and returns at once, already completed (it never
/// waits on I/O or another thread): the engine calls it on the thread that reports each event, one event at a time and
/// in order, instead of handing the events to a pump thread of its own first — a thread wake-up less per event. The
/// Runner's bus observer queues for its own publishing pump; an observer that writes to a console or a file is not one.</summary>
public interface IImmediateExecutionObserver : IExecutionObserver;
