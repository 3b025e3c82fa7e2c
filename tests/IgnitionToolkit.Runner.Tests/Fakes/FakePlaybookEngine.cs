using System.Diagnostics;
using System.Globalization;
using IgnitionToolkit.Core.Execution;
using IgnitionToolkit.Core.Playbooks;

namespace IgnitionToolkit.Runner.Tests.Fakes;

/// <summary>
/// TEST FAKE — stands in for the real engine until the branches are merged. Runs steps in order:
/// <c>utility.log</c> (logs <c>message</c>), <c>utility.wait</c> (waits <c>seconds</c>, fails past the step timeout),
/// <c>playbook.run</c> (runs <c>playbook</c> from the request's playbook source, its steps nested); any other type completes. Honours pause/resume at step boundaries and cancel (token or command).
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
        string? error;
        var status = ExecutionStatus.Completed;
        try
        {
            error = await RunStepsAsync(request, request.Playbook, null, observer, control);
            if (error is not null) status = ExecutionStatus.Failed;
        }
        catch (OperationCanceledException)
        {
            (status, error) = (ExecutionStatus.Cancelled, "cancelled");
        }
        control.Status = status;
        await observer.OnEventAsync(new ExecutionFinishedEvent(Now, status, error, clock.Elapsed), default);
        return status;
    }

    /// <summary>Runs a playbook's steps; returns the error that aborted them, or null.</summary>
    private static async Task<string?> RunStepsAsync(ExecutionRequest request, Playbook playbook, string? parentPath,
        IExecutionObserver observer, FakeControl control)
    {
        foreach (var step in playbook.Steps)
        {
            await control.WaitWhilePausedAsync();
            var path = parentPath is null ? step.Id : $"{parentPath}/{step.Id}";
            var result = await RunStepAsync(request, playbook, step, path, parentPath, observer, control);
            if (result == StepStatus.Failed && step.OnFailure == FailureAction.Abort) return $"step '{step.Id}' failed";
        }
        return null;
    }

    private static async Task<StepStatus> RunStepAsync(ExecutionRequest request, Playbook playbook, PlaybookStep step, string path,
        string? parentPath, IExecutionObserver observer, FakeControl control)
    {
        var clock = Stopwatch.StartNew();
        await observer.OnEventAsync(new StepStartedEvent(Now, path, parentPath, step.Id, step.Name, step.Type, 1, step.Parameters), default);
        var (status, error) = (StepStatus.Completed, (string?)null);
        if (step.Type == "utility.log")
        {
            await observer.OnEventAsync(new LogEvent(Now, path, "info", Convert.ToString(step.Parameters.GetValueOrDefault("message"), CultureInfo.InvariantCulture) ?? ""), default);
        }
        else if (step.Type == "playbook.run")
        {
            var reference = Convert.ToString(step.Parameters.GetValueOrDefault("playbook"), CultureInfo.InvariantCulture) ?? "";
            var file = request.PlaybookSource?.Find(reference, playbook.SourcePath);
            var child = file is null ? null : new FakePlaybookLoader().Load(file.Text, file.Path).Playbook;
            error = child is null ? $"nested playbook '{reference}' not found" : await RunStepsAsync(request, child, path, observer, control);
            if (error is not null) status = StepStatus.Failed;
        }
        else if (step.Type == "utility.wait")
        {
            var seconds = Convert.ToDouble(step.Parameters.GetValueOrDefault("seconds") ?? 0, CultureInfo.InvariantCulture);
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(seconds, step.Timeout.TotalSeconds)), control.Token);
            }
            catch (OperationCanceledException)
            {
                await observer.OnEventAsync(new StepFinishedEvent(Now, path, parentPath, step.Id, StepStatus.Failed, Empty, "cancelled", clock.Elapsed, 1), default);
                throw;
            }
            if (seconds > step.Timeout.TotalSeconds) (status, error) = (StepStatus.Failed, $"timed out after {step.Timeout.TotalSeconds:0}s");
        }
        await observer.OnEventAsync(new StepFinishedEvent(Now, path, parentPath, step.Id, status, Empty, error, clock.Elapsed, 1), default);
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
