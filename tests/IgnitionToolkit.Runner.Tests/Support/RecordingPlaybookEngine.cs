using System.Collections.Concurrent;
using IgnitionToolkit.Core.Execution;
using IgnitionToolkit.Contracts;

namespace IgnitionToolkit.Runner.Tests.Support;

/// <summary>Wraps any engine (the fake today, the real one after merge) and records what the Runner asked of it:
/// the requests it started and the control commands it sent, per execution.</summary>
public sealed class RecordingPlaybookEngine(IPlaybookEngine inner) : IPlaybookEngine
{
    public ConcurrentQueue<ExecutionRequest> Requests { get; } = new();
    public ConcurrentDictionary<Guid, ConcurrentQueue<ExecutionCommand>> Commands { get; } = new();

    public RunningExecution Start(ExecutionRequest request, IExecutionObserver observer, CancellationToken cancellationToken)
    {
        Requests.Enqueue(request);
        var running = inner.Start(request, observer, cancellationToken);
        var log = Commands.GetOrAdd(request.ExecutionId, _ => new ConcurrentQueue<ExecutionCommand>());
        return running with { Control = new RecordingControl(running.Control, log) };
    }

    private sealed class RecordingControl(IExecutionControl inner, ConcurrentQueue<ExecutionCommand> log) : IExecutionControl, IStepRerunControl
    {
        public string? RerunStep(string stepPath, IReadOnlyDictionary<string, object?> parameterOverrides) =>
            inner is IStepRerunControl rerun ? rerun.RerunStep(stepPath, parameterOverrides) : "this engine cannot re-run steps";

        public ExecutionStatus Status => inner.Status;

        public void Send(ExecutionCommand command)
        {
            log.Enqueue(command);
            inner.Send(command);
        }
    }
}
