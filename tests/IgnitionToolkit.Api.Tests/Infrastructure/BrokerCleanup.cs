using RabbitMQ.Client;
using IgnitionToolkit.Contracts.Bus;

namespace IgnitionToolkit.Api.Tests.Infrastructure;

/// <summary>Removes the queues and exchanges one test run created on the shared broker.</summary>
public static class BrokerCleanup
{
    private static readonly string[] MessageTypes = ["StartExecution", "ControlExecution", "ExecutionEventMessage", "RunnerHeartbeat"];

    public static async Task DeleteAsync(string prefix)
    {
        try
        {
            var factory = new ConnectionFactory { Uri = TestEnvironment.RabbitMq };
            await using var connection = await factory.CreateConnectionAsync();
            await using var channel = await connection.CreateChannelAsync();
            foreach (var queue in new[] { BusEndpoints.ExecutionsQueue(prefix), BusEndpoints.ApiEventsQueue(prefix), BusEndpoints.ApiHeartbeatsQueue(prefix) })
            {
                await channel.QueueDeleteAsync(queue);
                await channel.ExchangeDeleteAsync(queue);
            }
            foreach (var type in MessageTypes)
                await channel.ExchangeDeleteAsync($"{BusEndpoints.EntityPrefix(prefix)}IgnitionToolkit.Contracts.Bus:{type}");
        }
        catch (Exception ex) when (ex is RabbitMQ.Client.Exceptions.BrokerUnreachableException or OperationCanceledException)
        {
            // Nothing to clean when the broker is gone.
        }
    }
}
