using System.Threading.Channels;
using MassTransit;

namespace IgnitionToolkit.Api.Cluster;

/// <summary>
/// Tells the other API instances this one is there (<see cref="ApiInstancePresent"/> through the fan-out): a greeting
/// whenever this instance's own queue is ready — at start and again after the broker came back — which every instance
/// answers at once, then every <see cref="ApiPeers.Interval"/>; <see cref="ApiInstanceStopping"/> when it stops.
/// Presence is best effort like the live delivery it decides: a message that cannot be published is retried at the next interval.
/// </summary>
public sealed partial class ApiPresence(IBus bus, InstanceQueueReadiness readiness, ApiPeers peers, ApiInstance self, TimeProvider clock, ILogger<ApiPresence> logger)
    : BackgroundService
{
    /// <summary>Answers another instance's greeting, so that it knows of this one before it applies any event.</summary>
    public Task AnswerAsync(CancellationToken ct) => PublishAsync(new ApiInstancePresent(self.Id, Greeting: false), ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var greet = readiness.Signals.ReadAsync(stoppingToken).AsTask();
            var tick = Task.Delay(ApiPeers.Interval, clock, stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                if (await Task.WhenAny(greet, tick) == greet)
                {
                    await greet;
                    peers.Greeted();
                    await PublishAsync(new ApiInstancePresent(self.Id, Greeting: true), stoppingToken);
                    greet = readiness.Signals.ReadAsync(stoppingToken).AsTask();
                }
                else
                {
                    await tick;
                    await PublishAsync(new ApiInstancePresent(self.Id, Greeting: false), stoppingToken);
                    tick = Task.Delay(ApiPeers.Interval, clock, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(TimeSpan.FromSeconds(2)); // the others forget this instance after ApiPeers.Expiry anyway
        await PublishAsync(new ApiInstanceStopping(self.Id), bounded.Token);
    }

    private async Task PublishAsync<T>(T message, CancellationToken ct) where T : class
    {
        try
        {
            await bus.Publish(message, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // stopping, or the stop message timed out
        }
        catch (Exception ex)
        {
            LogNotPublished(logger, typeof(T).Name, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not publish {Message} to the other API instances: {Reason}")]
    private static partial void LogNotPublished(ILogger logger, string message, string reason);
}

/// <summary>Notices this instance's own queue becoming ready — at start and after every broker reconnection — for
/// <see cref="ApiPresence"/> to greet the others. A MassTransit observer apart from it: the bus is built with its
/// observers, so one cannot depend on the bus.</summary>
public sealed class InstanceQueueReadiness : IReceiveEndpointObserver
{
    private readonly Channel<bool> _ready = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>One item each time the queue became ready (at most one waiting).</summary>
    public ChannelReader<bool> Signals => _ready.Reader;

    public Task Ready(ReceiveEndpointReady ready)
    {
        if (ready.InputAddress.AbsolutePath.Contains(ClusterExtensions.InstanceQueueName, StringComparison.Ordinal)) _ready.Writer.TryWrite(true);
        return Task.CompletedTask;
    }

    public Task Stopping(ReceiveEndpointStopping stopping) => Task.CompletedTask;

    public Task Completed(ReceiveEndpointCompleted completed) => Task.CompletedTask;

    public Task Faulted(ReceiveEndpointFaulted faulted) => Task.CompletedTask;
}
