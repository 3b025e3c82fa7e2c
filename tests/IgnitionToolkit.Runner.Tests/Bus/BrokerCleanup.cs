using IgnitionToolkit.Core.Messaging;
using IgnitionToolkit.Runner.Messaging;
using RabbitMQ.Client;

namespace IgnitionToolkit.Runner.Tests.Bus;

/// <summary>Removes the durable queue and exchanges a test created under its unique prefix (best effort).</summary>
public static class BrokerCleanup
{
    public static async Task DeleteAsync(string uri, RunnerBusNames names)
    {
        try
        {
            var factory = new ConnectionFactory { Uri = new Uri(uri) };
            await using var connection = await factory.CreateConnectionAsync();
            await using var channel = await connection.CreateChannelAsync();
            foreach (var queue in new[] { names.ExecutionsQueue, names.ExecutionsQueue + "_error", names.ExecutionsQueue + "_skipped" })
                await channel.QueueDeleteAsync(queue);
            var exchanges = new[] { typeof(StartExecution), typeof(ControlExecution), typeof(ExecutionEventMessage), typeof(RunnerHeartbeat) }
                .Select(t => $"{names.Prefix}{t.Namespace}:{t.Name}")
                .Concat([names.ExecutionsQueue, names.ExecutionsQueue + "_error", names.ExecutionsQueue + "_skipped"]);
            foreach (var exchange in exchanges) await channel.ExchangeDeleteAsync(exchange);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Leftovers are harmless: every test uses its own prefix.
        }
    }
}
