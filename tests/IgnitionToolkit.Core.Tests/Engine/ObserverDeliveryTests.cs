using IgnitionToolkit.Contracts;
using IgnitionToolkit.Contracts.Events;
using IgnitionToolkit.Core.Execution;
using IgnitionToolkit.Core.Plugins;
using IgnitionToolkit.Testing.Engine;
using Microsoft.Extensions.Logging;
using static IgnitionToolkit.Testing.Engine.Playbooks;

namespace IgnitionToolkit.Core.Tests.Engine;

/// <summary>How the engine hands its events on: an immediate observer (the Runner's) gets each one before the engine
/// goes on, in order, from whichever thread reported it; an observer that waits (a console) never holds the engine up.</summary>
public class ObserverDeliveryTests
{
    private const int Threads = 4, LinesEach = 50;

    [Fact]
    public async Task An_immediate_observer_has_each_event_before_the_engine_goes_on_and_every_thread_s_lines_in_order()
    {
        var observer = new RecordingObserver();
        var step = new LoggingStep(observer);
        var harness = new EngineHarness(step);
        var request = new ExecutionRequest(Guid.NewGuid(), Of(Step("look", "test.logging"), Step("again", "test.logging")), new Dictionary<string, object?>());

        var status = await harness.Engine.Start(request, observer, CancellationToken.None).Completion.WaitAsync(TimeSpan.FromMinutes(5));

        Assert.Equal(ExecutionStatus.Completed, status);
        Assert.Equal([true, true], step.SawOwnLine); // its line had reached the observer when Log returned
        var events = observer.All;
        Assert.IsType<ExecutionStartedEvent>(events[0]);
        Assert.IsType<ExecutionFinishedEvent>(events[^1]);
        foreach (var path in new[] { "look", "again" })
        {
            var own = events.Select((e, i) => (e, i)).Where(x => x.e is StepStartedEvent s && s.StepPath == path
                || x.e is StepFinishedEvent f && f.StepPath == path || x.e is LogEvent l && l.StepPath == path).ToList();
            Assert.IsType<StepStartedEvent>(own[0].e);
            Assert.IsType<StepFinishedEvent>(own[^1].e);
            for (var t = 0; t < Threads; t++)
            {
                var prefix = $"thread {t} line ";
                var lines = own.Select(x => x.e).OfType<LogEvent>().Where(l => l.Message.StartsWith(prefix, StringComparison.Ordinal))
                    .Select(l => int.Parse(l.Message[prefix.Length..], System.Globalization.CultureInfo.InvariantCulture)).ToList();
                Assert.Equal(Enumerable.Range(0, LinesEach), lines);
            }
        }
    }

    [Fact]
    public async Task An_observer_that_waits_does_not_hold_the_engine_up_and_still_gets_every_event_in_order()
    {
        var observer = new WaitingObserver();
        var marker = new MarkStep();
        var harness = new EngineHarness(marker);
        var request = new ExecutionRequest(Guid.NewGuid(), Of(Step("first", "test.mark"), Step("second", "test.mark")), new Dictionary<string, object?>());

        var running = harness.Engine.Start(request, observer, CancellationToken.None);
        await marker.Both.WaitAsync(TimeSpan.FromMinutes(5)); // both steps ran while the observer still held its first event
        Assert.False(running.Completion.IsCompleted); // the end waits until the observer has had every event
        Assert.Equal(0, observer.Count);

        observer.Open();
        Assert.Equal(ExecutionStatus.Completed, await running.Completion.WaitAsync(TimeSpan.FromMinutes(5)));
        var names = observer.Events.Select(e => e switch
        {
            StepStartedEvent s => "start " + s.StepPath,
            StepFinishedEvent f => "end " + f.StepPath,
            _ => null,
        }).OfType<string>();
        Assert.Equal(["start first", "end first", "start second", "end second"], names);
        Assert.IsType<ExecutionFinishedEvent>(observer.Events[^1]);
    }

    /// <summary>Logs from several threads at once, after checking that its own first line already reached the observer.</summary>
    private sealed class LoggingStep(RecordingObserver observer) : IStepPlugin
    {
        public List<bool> SawOwnLine { get; } = [];

        public StepTypeDescriptor Descriptor { get; } = new("test.logging", "test", "Logs from several threads.", []);

        public async Task<StepResult> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
        {
            var mark = $"{context.StepPath} looks";
            context.Logger.LogInformation("{Mark}", mark);
            SawOwnLine.Add(observer.All.OfType<LogEvent>().Any(l => l.Message == mark));
            await Task.WhenAll(Enumerable.Range(0, Threads).Select(t => Task.Run(() =>
            {
                for (var i = 0; i < LinesEach; i++) context.Logger.LogInformation("thread {Thread} line {Line}", t, i);
            }, cancellationToken)));
            return StepResult.Completed();
        }
    }

    /// <summary>Completes <see cref="Both"/> once it ran twice.</summary>
    private sealed class MarkStep : IStepPlugin
    {
        private readonly TaskCompletionSource _both = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _runs;

        public Task Both => _both.Task;

        public StepTypeDescriptor Descriptor { get; } = new("test.mark", "test", "Counts its runs.", []);

        public Task<StepResult> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _runs) == 2) _both.TrySetResult();
            return Task.FromResult(StepResult.Completed());
        }
    }

    /// <summary>Holds its first event until the test opens it, as a console blocked on a full pipe would.</summary>
    private sealed class WaitingObserver : IExecutionObserver
    {
        private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly List<ExecutionEvent> _events = [];

        public int Count { get { lock (_events) return _events.Count; } }

        public IReadOnlyList<ExecutionEvent> Events { get { lock (_events) return [.. _events]; } }

        public void Open() => _open.TrySetResult();

        public async ValueTask OnEventAsync(ExecutionEvent executionEvent, CancellationToken cancellationToken)
        {
            await _open.Task;
            lock (_events) _events.Add(executionEvent);
        }
    }
}
