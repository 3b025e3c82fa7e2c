using RabbitMQ.Client;
using IgnitionToolkit.Contracts.Bus;

namespace IgnitionToolkit.Runner.Tests.Bus;

/// <summary>Removes the durable queue and exchanges a test created under its unique prefix (best effort).</summary>
public static class BrokerCleanup
{
    public static async Task DeleteAsync(string uri, string prefix)
    {
        try
        {
            var queue = BusEndpoints.ExecutionsQueue(prefix);
            var factory = new ConnectionFactory { Uri = new Uri(uri) };
            await using var connection = await factory.CreateConnectionAsync();
            await using var channel = await connection.CreateChannelAsync();
            foreach (var name in new[] { queue, queue + "_error", queue + "_skipped" })
                await channel.QueueDeleteAsync(name);
            var exchanges = new[] { typeof(StartExecution), typeof(ControlExecution), typeof(ExecutionEventMessage), typeof(RunnerHeartbeat) }
                .Select(t => $"{BusEndpoints.EntityPrefix(prefix)}{t.Namespace}:{t.Name}")
                .Concat([queue, queue + "_error", queue + "_skipped"]);
            foreach (var exchange in exchanges) await channel.ExchangeDeleteAsync(exchange);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Leftovers are harmless: every test uses its own prefix.
        }
    }
}
