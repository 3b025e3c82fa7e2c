using IgnitionToolkit.Testing;
using MassTransit;
using IgnitionToolkit.Contracts.Bus;

namespace IgnitionToolkit.Web.Tests.EndToEnd;

/// <summary>Publishes <see cref="BrowserFrame"/> messages as a Runner does, on the stack's prefixed bus.</summary>
public sealed class FramePublisher : IAsyncDisposable
{
    private readonly IBusControl _bus;

    private FramePublisher(IBusControl bus) => _bus = bus;

    public static async Task<FramePublisher> StartAsync(string busPrefix)
    {
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            // The amqp:// URI carries the credentials and the virtual host of the test run, as the Runner reads it.
            cfg.Host(new Uri(TestServices.RabbitMq));
            cfg.MessageTopology.SetEntityNameFormatter(
                new PrefixEntityNameFormatter(cfg.MessageTopology.EntityNameFormatter, BusEndpoints.EntityPrefix(busPrefix)));
        });
        await bus.StartAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);
        return new FramePublisher(bus);
    }

    public Task PublishAsync(Guid executionId, byte[] jpeg, int width, int height) =>
        _bus.Publish(new BrowserFrame(executionId, "wait", jpeg, width, height, DateTimeOffset.UtcNow));

    public async ValueTask DisposeAsync() => await _bus.StopAsync(new CancellationTokenSource(TimeSpan.FromSeconds(15)).Token);
}
