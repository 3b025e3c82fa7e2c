using System.Text;
using System.Text.Json;
using IgnitionToolkit.Testing;
using RabbitMQ.Client;
using IgnitionToolkit.Contracts.Bus;

namespace IgnitionToolkit.Functional.Tests.Infrastructure;

/// <summary>Copies every message of a stack's bus (the executions queue's exchange and the exchanges of the published
/// messages, all under the stack's prefix) into a private auto-delete queue, to inspect what really travelled.</summary>
public sealed class BusCapture : IAsyncDisposable
{
    private readonly IConnection _connection;
    private readonly IChannel _channel;
    private readonly string _queue;

    private BusCapture(IConnection connection, IChannel channel, string queue)
    {
        _connection = connection;
        _channel = channel;
        _queue = queue;
    }

    public static async Task<BusCapture> StartAsync(string prefix)
    {
        var factory = new ConnectionFactory { Uri = new Uri(TestServices.RabbitMq) };
        var connection = await factory.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync();
        var queue = (await channel.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true)).QueueName;
        string[] exchanges =
        [
            $"{prefix}-toolkit-executions",
            $"{prefix}-IgnitionToolkit.Contracts.Bus:ExecutionEventMessage",
            $"{prefix}-IgnitionToolkit.Contracts.Bus:ExecutionEventBatch",
            $"{prefix}-IgnitionToolkit.Contracts.Bus:ControlExecution",
            $"{prefix}-IgnitionToolkit.Contracts.Bus:RunnerHeartbeat",
        ];
        foreach (var exchange in exchanges)
        {
            await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, autoDelete: false);
            await channel.QueueBindAsync(queue, exchange, routingKey: "");
        }
        return new BusCapture(connection, channel, queue);
    }

    /// <summary>The bodies of all messages captured so far (UTF-8), in order; an <see cref="ExecutionEventBatch"/>'s
    /// events (base64 in its body) follow its body decoded, so what a Runner published can be searched as text.</summary>
    public async Task<IReadOnlyList<string>> DrainAsync()
    {
        var bodies = new List<string>();
        while (await _channel.BasicGetAsync(_queue, autoAck: true) is { } message)
            bodies.Add(Encoding.UTF8.GetString(message.Body.Span) + BatchedEvents(message.Body));
        return bodies;
    }

    private static string BatchedEvents(ReadOnlyMemory<byte> body)
    {
        using var envelope = JsonDocument.Parse(body);
        return envelope.RootElement.TryGetProperty("messageType", out var types)
               && types.EnumerateArray().Any(t => t.GetString()!.EndsWith(":" + nameof(ExecutionEventBatch), StringComparison.Ordinal))
            ? "\n" + Encoding.UTF8.GetString(envelope.RootElement.GetProperty("message").GetProperty("events").GetBytesFromBase64())
            : "";
    }

    public async ValueTask DisposeAsync()
    {
        await _channel.CloseAsync();
        await _connection.CloseAsync();
        _channel.Dispose();
        _connection.Dispose();
    }
}
