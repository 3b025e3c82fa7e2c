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
/// order from a single background pump, so the engine never waits for the broker: every event queued while the
/// previous ones were in flight goes out together, their confirmations awaited together (<see cref="MaxInFlight"/>).
/// Publishing is retried until it succeeds or <paramref name="giveUp"/> fires (the host has stopped).
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

    /// <summary>Most events published together (confirmations awaited together) before the next ones are taken.</summary>
    private const int MaxInFlight = 256;
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
        var batch = new List<ExecutionEventMessage>(MaxInFlight);
        while (await _channel.Reader.WaitToReadAsync(CancellationToken.None).ConfigureAwait(false))
        {
            while (batch.Count < MaxInFlight && _channel.Reader.TryRead(out var message)) batch.Add(message);
            await PublishAllAsync(batch).ConfigureAwait(false);
            batch.Clear();
        }
    }

    /// <summary>
    /// Publishes the events queued so far together: each is handed to the broker in sequence order at once and their
    /// confirmations are awaited together, so a step costs a fraction of a broker round trip instead of one per event.
    /// The ones not confirmed are published again (in order) until they are or the Runner stops: at least once, and
    /// the API puts them back in sequence order whatever order they arrive in.
    /// </summary>
    private async Task PublishAllAsync(List<ExecutionEventMessage> messages)
    {
        IReadOnlyList<ExecutionEventMessage> pending = messages;
        for (var attempt = 1; ; attempt++)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_giveUp);
            timeout.CancelAfter(TimeSpan.FromSeconds(10));
            var publishes = new Task[pending.Count];
            for (var i = 0; i < pending.Count; i++) publishes[i] = PublishOneAsync(pending[i], timeout.Token);
            try
            {
                await Task.WhenAll(publishes).ConfigureAwait(false);
                return;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                var failed = pending.Where((_, i) => !publishes[i].IsCompletedSuccessfully).ToList();
                if (_giveUp.IsCancellationRequested)
                {
                    foreach (var m in failed) LogAbandoned(_logger, m.Event.Kind, m.Sequence, m.ExecutionId);
                    return;
                }
                LogPublishFailed(_logger, ex, failed.Count, failed[0].Sequence, failed[0].ExecutionId, attempt);
                pending = failed;
            }
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(5000, 100 * Math.Pow(2, attempt))), _giveUp).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                foreach (var m in pending) LogAbandoned(_logger, m.Event.Kind, m.Sequence, m.ExecutionId);
                return;
            }
        }
    }

    private Task PublishOneAsync(ExecutionEventMessage message, CancellationToken cancellationToken)
    {
        try
        {
            return _publisher.Publish(message, cancellationToken);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return Task.FromException(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not queue engine event {EventType} of execution {ExecutionId}")]
    private static partial void LogQueueFailed(ILogger logger, Exception ex, string eventType, Guid executionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing {Count} event(s) from #{Sequence} of execution {ExecutionId} failed (attempt {Attempt}); retrying")]
    private static partial void LogPublishFailed(ILogger logger, Exception ex, int count, long sequence, Guid executionId, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Gave up publishing {Kind} #{Sequence} of execution {ExecutionId}: the Runner has stopped")]
    private static partial void LogAbandoned(ILogger logger, string kind, long sequence, Guid executionId);
}
