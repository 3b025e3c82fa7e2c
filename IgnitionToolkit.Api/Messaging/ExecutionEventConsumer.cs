using IgnitionToolkit.Core.Messaging;
using MassTransit;

namespace IgnitionToolkit.Api.Messaging;

/// <summary>Receives the Runners' execution events (queue <see cref="BusEndpoints.ApiEventsQueue"/>).</summary>
public sealed class ExecutionEventConsumer(ExecutionEventApplier applier) : IConsumer<ExecutionEventMessage>
{
    public Task Consume(ConsumeContext<ExecutionEventMessage> context) => applier.ApplyAsync(context.Message, context.CancellationToken);
}
