using System.Threading.Channels;
using IgnitionToolkit.Core.Execution;
using MassTransit;
using Microsoft.Extensions.Logging;
using IgnitionToolkit.Contracts;
using IgnitionToolkit.Contracts.Events;
using IgnitionToolkit.Contracts.Bus;

namespace IgnitionToolkit.Runner.Execution;

/// <summary>
/// Numbers one execution's engine events (1, 2, 3...) in the order the engine reports them and publishes them in that
/// order from a single background pump, so the engine never waits for the broker. Publishing is retried until it
/// succeeds or <paramref name="giveUp"/> fires (the host has stopped).
/// </summary>
public sealed partial class BusExecutionObserver : IExecutionObserver
{
    private readonly Guid _executionId;
    private readonly string _runnerId;
    private readonly IPublishEndpoint _publisher;
    private readonly ILogger _logger;
    private readonly Func<string?> _cancelReason;
    private readonly CancellationToken _giveUp;
    private readonly Channel<ExecutionEventMessage> _channel =
        Channel.CreateUnbounded<ExecutionEventMessage>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _gate = new();
    private readonly Task _pump;
    private long _sequence;

    public BusExecutionObserver(Guid executionId, string runnerId, IPublishEndpoint publisher, ILogger logger,
        Func<string?> cancelReason, CancellationToken giveUp)
    {
        _executionId = executionId;
        _runnerId = runnerId;
        _publisher = publisher;
        _logger = logger;
        _cancelReason = cancelReason;
        _giveUp = giveUp;
        _pump = Task.Run(PumpAsync, CancellationToken.None);
    }

    /// <summary>Traces and metrics of the execution, fed with every event (optional).</summary>
    public Observability.ExecutionTelemetry? Telemetry { get; init; }

    /// <summary>True once an <see cref="ExecutionFinishedEvent"/> went through.</summary>
    public bool SawFinished { get; private set; }

    public ValueTask OnEventAsync(ExecutionEvent engineEvent, CancellationToken cancellationToken)
    {
        try
        {
            var completed = WithCancelReason(engineEvent);
            Telemetry?.OnEvent(completed);
            lock (_gate)
            {
                var message = new ExecutionEventMessage(_executionId, ++_sequence, _runnerId, completed);
                if (!_channel.Writer.TryWrite(message)) _sequence--;
                else if (completed is ExecutionFinishedEvent) SawFinished = true;
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogQueueFailed(_logger, ex, engineEvent.GetType().Name, _executionId);
        }
        return ValueTask.CompletedTask;
    }

    /// <summary>No more events: waits until every event is published (or abandoned).</summary>
    public Task CompleteAsync()
    {
        lock (_gate) _channel.Writer.TryComplete();
        return _pump;
    }

    /// <summary>When the Runner itself cancelled the execution (shutdown), its reason is the one reported.</summary>
    private ExecutionEvent WithCancelReason(ExecutionEvent engineEvent)
    {
        var reason = _cancelReason();
        if (reason is null) return engineEvent;
        return engineEvent switch
        {
            ExecutionFinishedEvent { Status: ExecutionStatus.Cancelled } e => e with { Error = reason },
            ExecutionStatusChangedEvent { Status: ExecutionStatus.Cancelled } e => e with { Reason = reason },
            _ => engineEvent,
        };
    }

    private async Task PumpAsync()
    {
        await foreach (var message in _channel.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
        {
            await PublishAsync(message).ConfigureAwait(false);
        }
    }

    private async Task PublishAsync(ExecutionEventMessage message)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_giveUp);
                timeout.CancelAfter(TimeSpan.FromSeconds(10));
                await _publisher.Publish(message, timeout.Token).ConfigureAwait(false);
                return;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                if (_giveUp.IsCancellationRequested)
                {
                    LogAbandoned(_logger, message.Event.Kind, message.Sequence, message.ExecutionId);
                    return;
                }
                LogPublishFailed(_logger, ex, message.Event.Kind, message.Sequence, message.ExecutionId, attempt);
                try
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(5000, 100 * Math.Pow(2, attempt))), _giveUp).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    LogAbandoned(_logger, message.Event.Kind, message.Sequence, message.ExecutionId);
                    return;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not queue engine event {EventType} of execution {ExecutionId}")]
    private static partial void LogQueueFailed(ILogger logger, Exception ex, string eventType, Guid executionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing {Kind} #{Sequence} of execution {ExecutionId} failed (attempt {Attempt}); retrying")]
    private static partial void LogPublishFailed(ILogger logger, Exception ex, string kind, long sequence, Guid executionId, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Gave up publishing {Kind} #{Sequence} of execution {ExecutionId}: the Runner has stopped")]
    private static partial void LogAbandoned(ILogger logger, string kind, long sequence, Guid executionId);
}
