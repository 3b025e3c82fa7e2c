using IgnitionToolkit.Contracts.Live;

namespace IgnitionToolkit.Api.Executions.Projection;

/// <summary>Told after events have been saved (e.g. to push them to live clients), with the events of one execution
/// applied in one unit of work, in sequence order, and its state after them. Must not throw for delivery problems.</summary>
public interface IExecutionEventNotifier
{
    Task EventsAppliedAsync(ExecutionEventsMessage applied, CancellationToken ct);
}
