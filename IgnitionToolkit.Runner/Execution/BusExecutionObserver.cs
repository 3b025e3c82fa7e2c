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
/// order from a single background pump, so the engine never waits for the broker: the events queued while the
/// previous batch was being confirmed go out together as one <see cref="ExecutionEventBatch"/> (at most <see cref="MaxBatch"/>).
/// Publishing is retried until it succeeds or <paramref name="giveUp"/> fires (the host has stopped). Immediate: the
/// engine calls <see cref="OnEventAsync"/> on the thread that reports each event, which only numbers and queues it.
/// </summary>
public sealed partial class BusExecutionObserver : IImmediateExecutionObserver
{
    private readonly Guid _executionId;
    private readonly string _runnerId;
    private readonly IPublishEndpoint _publisher;
    private readonly ILogger _logger;
    private readonly Func<string?> _cancelReason;
    private readonly CancellationToken _giveUp;
    private readonly Channel<SequencedEvent> _channel =
        Channel.CreateUnbounded<SequencedEvent>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _gate = new();

    /// <summary>Most events in one <see cref="ExecutionEventBatch"/>.</summary>
    private const int MaxBatch = 256;

    /// <summary>Most bytes of the events' JSON in one batch (unless one event alone is larger): far below the broker's
    /// message size limit (RabbitMQ 4: 16 MiB) even with large step outputs, once base64 in the envelope (4/3).</summary>
    private const int MaxBatchBytes = 4 * 1024 * 1024;
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
                var message = new SequencedEvent(++_sequence, completed);
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
        var batch = new List<byte[]>(MaxBatch);
        SequencedEvent? carried = null; // read, but it would have made the previous batch too large
        while (carried is not null || await _channel.Reader.WaitToReadAsync(CancellationToken.None).ConfigureAwait(false))
        {
            var size = 0;
            var first = 0L;
            if (carried is not null)
            {
                var json = ContractJson.SerializeSequenced(carried);
                (first, size, carried) = (carried.Sequence, json.Length, null);
                batch.Add(json);
            }
            while (batch.Count < MaxBatch && _channel.Reader.TryRead(out var message))
            {
                var json = ContractJson.SerializeSequenced(message);
                if (batch.Count > 0 && size + json.Length > MaxBatchBytes)
                {
                    carried = message;
                    break;
                }
                if (batch.Count == 0) first = message.Sequence;
                batch.Add(json);
                size += json.Length;
            }
            await PublishAllAsync(batch, first).ConfigureAwait(false);
            batch.Clear();
        }
    }

    /// <summary>
    /// Publishes the events queued so far (each serialised once, in sequence order from <paramref name="first"/>) as one
    /// <see cref="ExecutionEventBatch"/> with one confirmation, again until the broker confirms it or the Runner stops:
    /// at least once, in order, whatever the batch size.
    /// </summary>
    private async Task PublishAllAsync(List<byte[]> events, long first)
    {
        var batch = ExecutionEventBatch.Create(_executionId, _runnerId, events);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_giveUp);
                timeout.CancelAfter(TimeSpan.FromSeconds(10));
                await _publisher.Publish(batch, timeout.Token).ConfigureAwait(false);
                return;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                if (_giveUp.IsCancellationRequested)
                {
                    LogAbandoned(_logger, events.Count, first, _executionId);
                    return;
                }
                LogPublishFailed(_logger, ex, events.Count, first, _executionId, attempt);
                try
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(5000, 100 * Math.Pow(2, attempt))), _giveUp).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    LogAbandoned(_logger, events.Count, first, _executionId);
                    return;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not queue engine event {EventType} of execution {ExecutionId}")]
    private static partial void LogQueueFailed(ILogger logger, Exception ex, string eventType, Guid executionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing {Count} event(s) from #{Sequence} of execution {ExecutionId} failed (attempt {Attempt}); retrying")]
    private static partial void LogPublishFailed(ILogger logger, Exception ex, int count, long sequence, Guid executionId, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Gave up publishing {Count} event(s) from #{Sequence} of execution {ExecutionId}: the Runner has stopped")]
    private static partial void LogAbandoned(ILogger logger, int count, long sequence, Guid executionId);
}
