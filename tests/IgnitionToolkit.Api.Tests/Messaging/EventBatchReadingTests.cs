using IgnitionToolkit.Api.Messaging;
using IgnitionToolkit.Contracts;
using IgnitionToolkit.Contracts.Bus;
using IgnitionToolkit.Contracts.Events;
using Microsoft.Extensions.Logging;

namespace IgnitionToolkit.Api.Tests.Messaging;

/// <summary>A Runner's batch whose events cannot be read costs only its own events, not those of the other executions
/// received with it.</summary>
[Trait("Category", "Unit")]
public sealed class EventBatchReadingTests
{
    [Fact]
    public void An_unreadable_batch_is_logged_and_left_out_and_the_others_are_read()
    {
        var (good, bad) = (Guid.NewGuid(), Guid.NewGuid());
        var at = DateTimeOffset.UtcNow;
        var readable = ExecutionEventBatch.Of(good, "runner-a", [new SequencedEvent(1, new ExecutionStartedEvent(at, "demo", 1)),
            new SequencedEvent(2, new ExecutionFinishedEvent(at, ExecutionStatus.Completed, null, TimeSpan.Zero))]);
        var unreadable = new ExecutionEventBatch(bad, "runner-b", "[{\"sequence\":1,"u8.ToArray());
        var log = new Lines();

        var messages = ExecutionEventConsumer.Readable([unreadable, readable], log);

        Assert.Equal([(good, 1L), (good, 2L)], messages.Select(m => (m.ExecutionId, m.Sequence)));
        var (level, line) = Assert.Single(log.Written);
        Assert.Equal(LogLevel.Error, level);
        Assert.Contains(bad.ToString(), line, StringComparison.Ordinal);
        Assert.Contains("runner-b", line, StringComparison.Ordinal);
    }

    private sealed class Lines : ILogger
    {
        public List<(LogLevel Level, string Line)> Written { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Written.Add((logLevel, formatter(state, exception)));
    }
}
