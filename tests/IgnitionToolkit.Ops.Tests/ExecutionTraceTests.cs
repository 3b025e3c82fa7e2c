using System.Diagnostics;
using IgnitionToolkit.Core.Execution;
using IgnitionToolkit.Runner.Observability;
using IgnitionToolkit.ServiceDefaults.Telemetry;
using IgnitionToolkit.Contracts;
using IgnitionToolkit.Contracts.Events;

namespace IgnitionToolkit.Ops.Tests;

/// <summary>The Runner's spans of one execution: an execution span under the incoming (bus) context, one span per step
/// under it with the step's type and id, timed by the engine's event timestamps.</summary>
[Trait("Category", "Unit")]
public sealed class ExecutionTraceTests : IDisposable
{
    private readonly List<Activity> _stopped = [];
    private readonly ActivityListener _listener;

    public ExecutionTraceTests()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == ToolkitTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => { lock (_stopped) _stopped.Add(a); },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public void Dispose() => _listener.Dispose();

    [Fact]
    public void Steps_are_children_of_the_execution_which_continues_the_callers_trace()
    {
        var caller = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded);
        var id = Guid.NewGuid();
        var t0 = DateTimeOffset.UtcNow;
        var telemetry = new ExecutionTelemetry(id, "ops/trace.yaml", caller);
        var empty = new Dictionary<string, object?>();
        telemetry.OnEvent(new StepStartedEvent(t0, "greet", null, "greet", "Greet", "utility.log", 1, empty));
        telemetry.OnEvent(new StepFinishedEvent(t0.AddMilliseconds(250), "greet", null, "greet", StepStatus.Completed, empty, null, TimeSpan.FromMilliseconds(250), 1));
        telemetry.OnEvent(new StepStartedEvent(t0.AddMilliseconds(300), "fail", null, "fail", "Fail", "utility.wait", 1, empty));
        telemetry.OnEvent(new ExecutionFinishedEvent(t0.AddMilliseconds(400), ExecutionStatus.Failed, "boom", TimeSpan.FromMilliseconds(400)));

        List<Activity> mine;
        lock (_stopped) mine = _stopped.Where(a => a.TraceId == caller.TraceId).ToList();
        var execution = Assert.Single(mine, a => a.OperationName == "execution ops/trace.yaml");
        Assert.Equal(caller.SpanId, execution.ParentSpanId);
        Assert.Equal(id.ToString(), execution.GetTagItem("toolkit.execution.id"));
        Assert.Equal(ActivityStatusCode.Error, execution.Status);

        var greet = Assert.Single(mine, a => Equals(a.GetTagItem("toolkit.step.id"), "greet"));
        Assert.Equal(execution.SpanId, greet.ParentSpanId);
        Assert.Equal("utility.log", greet.GetTagItem("toolkit.step.type"));
        Assert.Equal("completed", greet.GetTagItem("toolkit.step.status"));
        Assert.Equal(TimeSpan.FromMilliseconds(250), greet.Duration);

        var unfinished = Assert.Single(mine, a => Equals(a.GetTagItem("toolkit.step.id"), "fail"));
        Assert.Equal(ActivityStatusCode.Error, unfinished.Status);
    }
}
