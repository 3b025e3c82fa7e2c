using System.Diagnostics;
using IgnitionToolkit.Core.Execution;
using IgnitionToolkit.ServiceDefaults.Telemetry;
using IgnitionToolkit.Contracts;
using IgnitionToolkit.Contracts.Events;

namespace IgnitionToolkit.Runner.Observability;

/// <summary>
/// Traces and metrics of one execution, fed with its engine events: an <c>execution</c> activity (child of the
/// MassTransit consume activity, so the trace continues the API's request) with one <c>step</c> activity per step
/// (tags <c>toolkit.step.type</c>, <c>toolkit.step.id</c>, <c>toolkit.step.path</c>, <c>toolkit.step.status</c>), the step
/// duration histogram and the Runner's started/finished counters. Events carry their own timestamps, so the spans
/// have the engine's timing even though events are observed asynchronously.
/// </summary>
public sealed class ExecutionTelemetry
{
    private readonly Lock _gate = new();
    private readonly string _playbook;
    private readonly Activity? _execution;
    private readonly Dictionary<string, (Activity? Activity, string Type)> _steps = new(StringComparer.Ordinal);
    private bool _finished;

    public ExecutionTelemetry(Guid executionId, string playbook, ActivityContext parent)
    {
        _playbook = playbook;
        _execution = Detached(() => ToolkitTelemetry.ActivitySource.StartActivity($"execution {playbook}", ActivityKind.Internal, parent,
            [new("toolkit.execution.id", executionId.ToString()), new("toolkit.playbook", playbook)]));
        ToolkitTelemetry.RunnerExecutionsStarted.Add(1, ToolkitTelemetry.Tag("playbook", playbook));
    }

    public void OnEvent(ExecutionEvent engineEvent)
    {
        lock (_gate)
        {
            switch (engineEvent)
            {
                case StepStartedEvent s:
                    if (_steps.Remove(s.StepPath, out var retried)) End(retried.Activity, s.Timestamp, ActivityStatusCode.Error);
                    var activity = Detached(() => ToolkitTelemetry.ActivitySource.StartActivity($"step {s.StepType}", ActivityKind.Internal,
                        _execution?.Context ?? default,
                        [new("toolkit.step.type", s.StepType), new("toolkit.step.id", s.StepId), new("toolkit.step.path", s.StepPath),
                         new("toolkit.step.attempt", s.Attempt)], startTime: s.Timestamp));
                    _steps[s.StepPath] = (activity, s.StepType);
                    break;
                case StepFinishedEvent f when _steps.Remove(f.StepPath, out var step):
                    var status = f.Status.ToWire();
                    step.Activity?.SetTag("toolkit.step.status", status);
                    End(step.Activity, f.Timestamp, f.Status == StepStatus.Failed ? ActivityStatusCode.Error : ActivityStatusCode.Ok);
                    ToolkitTelemetry.StepDuration.Record(f.Duration.TotalSeconds,
                        ToolkitTelemetry.Tag("step_type", step.Type), ToolkitTelemetry.Tag("status", status));
                    break;
                case ExecutionFinishedEvent x when !_finished:
                    _finished = true;
                    foreach (var open in _steps.Values) End(open.Activity, x.Timestamp, ActivityStatusCode.Error);
                    _steps.Clear();
                    _execution?.SetTag("toolkit.execution.status", x.Status.ToWire());
                    End(_execution, x.Timestamp, x.Status == ExecutionStatus.Completed ? ActivityStatusCode.Ok : ActivityStatusCode.Error);
                    ToolkitTelemetry.RunnerExecutionsFinished.Add(1,
                        ToolkitTelemetry.Tag("playbook", _playbook), ToolkitTelemetry.Tag("status", x.Status.ToWire()));
                    break;
            }
        }
    }

    private static void End(Activity? activity, DateTimeOffset at, ActivityStatusCode status)
    {
        if (activity is null) return;
        activity.SetStatus(status);
        activity.SetEndTime(at.UtcDateTime > activity.StartTimeUtc ? at.UtcDateTime : activity.StartTimeUtc);
        activity.Dispose();
    }

    /// <summary>Starts an activity without making it the current one of the calling flow.</summary>
    private static Activity? Detached(Func<Activity?> start)
    {
        var previous = Activity.Current;
        var activity = start();
        Activity.Current = previous;
        return activity;
    }
}
