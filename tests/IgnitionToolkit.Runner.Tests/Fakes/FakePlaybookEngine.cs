using System.Diagnostics;
using System.Globalization;
using IgnitionToolkit.Core.Execution;
using IgnitionToolkit.Core.Playbooks;

namespace IgnitionToolkit.Runner.Tests.Fakes;

/// <summary>
/// TEST FAKE — stands in for the real engine until the branches are merged. Runs top-level steps in order:
/// <c>utility.log</c> (logs <c>message</c>), <c>utility.wait</c> (waits <c>seconds</c>, fails past the step timeout);
/// any other type completes. Honours pause/resume at step boundaries and cancel (token or command).
/// </summary>
public sealed class FakePlaybookEngine : IPlaybookEngine
{
    public RunningExecution Start(ExecutionRequest request, IExecutionObserver observer, CancellationToken cancellationToken)
    {
        var control = new FakeControl(observer, cancellationToken);
        return new RunningExecution(control, Task.Run(() => RunAsync(request, observer, control), CancellationToken.None));
    }

    private static async Task<ExecutionStatus> RunAsync(ExecutionRequest request, IExecutionObserver observer, FakeControl control)
    {
        var clock = Stopwatch.StartNew();
        await observer.OnEventAsync(new ExecutionStartedEvent(Now, request.Playbook.Name, request.Playbook.Steps.Count), default);
        await observer.OnEventAsync(new ExecutionStatusChangedEvent(Now, ExecutionStatus.Running, null), default);
        string? error = null;
        var status = ExecutionStatus.Completed;
        try
        {
            foreach (var step in request.Playbook.Steps)
            {
                await control.WaitWhilePausedAsync();
                var result = await RunStepAsync(step, observer, control.Token);
                if (result == StepStatus.Failed && step.OnFailure == FailureAction.Abort)
                {
                    (status, error) = (ExecutionStatus.Failed, $"step '{step.Id}' failed");
                    break;
                }
            }
        }
        catch (OperationCanceledException)
        {
            (status, error) = (ExecutionStatus.Cancelled, "cancelled");
        }
        control.Status = status;
        await observer.OnEventAsync(new ExecutionFinishedEvent(Now, status, error, clock.Elapsed), default);
        return status;
    }

    private static async Task<StepStatus> RunStepAsync(PlaybookStep step, IExecutionObserver observer, CancellationToken token)
    {
        var clock = Stopwatch.StartNew();
        await observer.OnEventAsync(new StepStartedEvent(Now, step.Id, null, step.Id, step.Name, step.Type, 1, step.Parameters), default);
        var (status, error) = (StepStatus.Completed, (string?)null);
        if (step.Type == "utility.log")
        {
            await observer.OnEventAsync(new LogEvent(Now, step.Id, "info", Convert.ToString(step.Parameters.GetValueOrDefault("message"), CultureInfo.InvariantCulture) ?? ""), default);
        }
        else if (step.Type == "utility.wait")
        {
            var seconds = Convert.ToDouble(step.Parameters.GetValueOrDefault("seconds") ?? 0, CultureInfo.InvariantCulture);
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(seconds, step.Timeout.TotalSeconds)), token);
            }
            catch (OperationCanceledException)
            {
                await observer.OnEventAsync(new StepFinishedEvent(Now, step.Id, null, step.Id, StepStatus.Failed, Empty, "cancelled", clock.Elapsed, 1), default);
                throw;
            }
            if (seconds > step.Timeout.TotalSeconds) (status, error) = (StepStatus.Failed, $"timed out after {step.Timeout.TotalSeconds:0}s");
        }
        await observer.OnEventAsync(new StepFinishedEvent(Now, step.Id, null, step.Id, status, Empty, error, clock.Elapsed, 1), default);
        return status;
    }

    private static DateTimeOffset Now => DateTimeOffset.UtcNow;
    private static readonly IReadOnlyDictionary<string, object?> Empty = new Dictionary<string, object?>();

    private sealed class FakeControl(IExecutionObserver observer, CancellationToken external) : IExecutionControl
    {
        private readonly CancellationTokenSource _cancel = CancellationTokenSource.CreateLinkedTokenSource(external);
        private TaskCompletionSource _resumed = Completed();

        public ExecutionStatus Status { get; set; } = ExecutionStatus.Running;
        public CancellationToken Token => _cancel.Token;

        public void Send(ExecutionCommand command)
        {
            switch (command)
            {
                case ExecutionCommand.Cancel:
                    _cancel.Cancel();
                    _resumed.TrySetResult();
                    break;
                case ExecutionCommand.Pause:
                    _resumed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    Status = ExecutionStatus.Paused;
                    observer.OnEventAsync(new ExecutionStatusChangedEvent(Now, ExecutionStatus.Paused, null), default).AsTask().Wait();
                    break;
                case ExecutionCommand.Resume:
                    Status = ExecutionStatus.Running;
                    observer.OnEventAsync(new ExecutionStatusChangedEvent(Now, ExecutionStatus.Running, null), default).AsTask().Wait();
                    _resumed.TrySetResult();
                    break;
            }
        }

        public async Task WaitWhilePausedAsync()
        {
            await _resumed.Task.WaitAsync(Token);
            Token.ThrowIfCancellationRequested();
        }

        private static TaskCompletionSource Completed()
        {
            var done = new TaskCompletionSource();
            done.SetResult();
            return done;
        }
    }
}
