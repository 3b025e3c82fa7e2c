using IgnitionToolkit.Contracts.Bus;
using RabbitMQ.Client;

namespace IgnitionToolkit.Testing;

/// <summary>Removes what a test created on the shared broker under its own bus prefix: the toolkit's queues (with
/// MassTransit's <c>_error</c>/<c>_skipped</c> companions and their exchanges) and the exchanges of the bus messages.
/// Best effort: the run's virtual host (<c>scripts/test-broker.sh</c>) is deleted afterwards anyway.</summary>
public static class TestBroker
{
    /// <summary>The messages whose exchanges a test creates (published or sent with the test's prefix).</summary>
    public static readonly Type[] MessageTypes = [typeof(StartExecution), typeof(ControlExecution), typeof(ExecutionEventMessage), typeof(ExecutionEventBatch), typeof(RunnerHeartbeat)];

    /// <param name="broker">An amqp:// URI; default <see cref="TestServices.RabbitMq"/>.</param>
    public static async Task DeleteAsync(string prefix, string? broker = null)
    {
        try
        {
            var factory = new ConnectionFactory { Uri = new Uri(broker ?? TestServices.RabbitMq) };
            await using var connection = await factory.CreateConnectionAsync();
            await using var channel = await connection.CreateChannelAsync();
            var queues = new[] { BusEndpoints.ExecutionsQueue(prefix), BusEndpoints.ApiEventsQueue(prefix), BusEndpoints.ApiHeartbeatsQueue(prefix) }
                .SelectMany(q => new[] { q, q + "_error", q + "_skipped" })
                .ToList();
            foreach (var queue in queues)
            {
                await channel.QueueDeleteAsync(queue);
                await channel.ExchangeDeleteAsync(queue);
            }
            foreach (var type in MessageTypes)
                await channel.ExchangeDeleteAsync($"{BusEndpoints.EntityPrefix(prefix)}{type.Namespace}:{type.Name}");
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Leftovers are harmless (every test has its own prefix) and nothing can be cleaned on a broker that is gone.
        }
    }
}
