using IgnitionToolkit.Core.Execution;
using IgnitionToolkit.Core.Plugins;
using IgnitionToolkit.Contracts;
using IgnitionToolkit.Core.Execution.Status;

namespace IgnitionToolkit.Core.Engine;

/// <summary>Where the step loop goes next after a control command.</summary>
internal enum Navigation { None, Skip, Back, Rerun }

/// <summary>
/// Pause/resume/skip/skip-back/cancel state of one execution. Commands arrive on any thread; the step loop applies
/// them at step boundaries (<see cref="AtBoundaryAsync"/>) or interrupts the running step (skip, skip back).
/// </summary>
internal sealed class ExecutionController : IExecutionControl, IStepRerunControl, IPendingStepsControl, IExecutionStatusHolder, IDisposable
{
    private readonly Lock _gate = new();
    private readonly IStepCatalog? _catalog;
    private readonly CancellationTokenSource _cancel;
    private readonly Stack<(CancellationTokenSource Cts, Navigation[] Interruption)> _runningSteps = new();
    private TaskCompletionSource _resumed = NewSignal();
    private ExecutionStatus _status = ExecutionStatus.Pending;
    private DateTimeOffset? _finishedAt;
    private int _version;
    private bool _pauseRequested;
    private Navigation _pending;
    private RerunTargets? _targets;
    private RerunRequest? _rerun;

    public ExecutionController(CancellationToken hostToken, IStepCatalog? catalog = null)
    {
        _catalog = catalog;
        _cancel = CancellationTokenSource.CreateLinkedTokenSource(hostToken);
        HostToken = hostToken;
    }

    public ExecutionStatus Status { get { lock (_gate) return _status; } }
    DateTimeOffset? IExecutionStatusHolder.FinishedAt => _finishedAt;
    int IExecutionStatusHolder.Version => _version;
    public CancellationToken Token => _cancel.Token;
    public CancellationToken HostToken { get; }
    public string? CancelReason { get; private set; }

    public void Send(ExecutionCommand command)
    {
        lock (_gate)
        {
            if (_status.IsTerminal()) return;
            switch (command)
            {
                case ExecutionCommand.Pause:
                    if (_status != ExecutionStatus.Paused) _pauseRequested = true;
                    break;
                case ExecutionCommand.Resume:
                    _pauseRequested = false;
                    _resumed.TrySetResult();
                    break;
                case ExecutionCommand.Skip:
                case ExecutionCommand.SkipBack:
                    var nav = command == ExecutionCommand.Skip ? Navigation.Skip : Navigation.Back;
                    if (_status != ExecutionStatus.Paused && _runningSteps.TryPeek(out var step))
                    {
                        step.Interruption[0] = nav;
                        step.Cts.Cancel();
                    }
                    else
                    {
                        _pending = nav;
                        _resumed.TrySetResult();
                    }
                    break;
                case ExecutionCommand.Cancel:
                    CancelReason ??= "cancelled by user";
                    _cancel.Cancel();
                    _resumed.TrySetResult();
                    break;
            }
        }
    }

    /// <summary>Reports a refused re-run or edit in the execution's log (step path or null, reason); set by the engine.</summary>
    public Action<string?, string>? RerunRefused { get; set; }

    public string? ReplacePendingSteps(PendingStepsReplacement replacement)
    {
        ArgumentNullException.ThrowIfNull(replacement);
        string? refusal;
        lock (_gate)
        {
            // Applied here, under the lock, while the step loop waits at its boundary: it reads its steps again only
            // after it has taken the lock to leave the pause, so it never sees half an edit.
            if (_status != ExecutionStatus.Paused || _targets is null)
                refusal = $"the execution is {_status.ToWire()}, not paused: its steps can only be edited while paused";
            else if (_targets.ReplacePending is null)
                refusal = "the execution is paused inside a nested playbook: its steps can be edited when it is paused at a top-level step";
            else if (_targets.PausedIndex != replacement.FromIndex)
                refusal = $"the execution is paused at step {_targets.PausedIndex + 1}, not at step {replacement.FromIndex + 1}: reload the steps and edit again";
            else
            {
                try
                {
                    _targets = _targets.ReplacePending(replacement);
                    refusal = null;
                }
                catch (InvalidOperationException ex)
                {
                    refusal = ex.Message;
                }
            }
        }
        if (refusal is not null && !Status.IsTerminal()) RerunRefused?.Invoke(null, "edit of the pending steps refused: " + refusal);
        return refusal;
    }

    public string? RerunStep(string stepPath, IReadOnlyDictionary<string, object?> parameterOverrides)
    {
        var refusal = TryRerun(stepPath, parameterOverrides);
        if (refusal is not null && !Status.IsTerminal()) RerunRefused?.Invoke(stepPath, "re-run refused: " + refusal);
        return refusal;
    }

    private string? TryRerun(string stepPath, IReadOnlyDictionary<string, object?> parameterOverrides)
    {
        lock (_gate)
        {
            if (_status != ExecutionStatus.Paused || _targets is null)
                return $"the execution is {_status.ToWire()}, not paused: a step can only be re-run while paused";
            var target = _targets.Steps.FirstOrDefault(t => string.Equals(t.Path, stepPath, StringComparison.Ordinal));
            if (target.Step is null)
                return $"step '{stepPath}' cannot be re-run here; the execution is paused at " +
                    string.Join(" or ", _targets.Steps.Select(t => $"'{t.Path}'"));
            if (_catalog?.GetPlugin(target.Step.Type)?.Descriptor is { } descriptor &&
                ParameterOverrides.Validate(descriptor, parameterOverrides) is { Count: > 0 } problems)
                return $"step '{stepPath}': " + string.Join("; ", problems.Select(p => p.Message));
            _rerun = new RerunRequest(target.Step, target.Index, parameterOverrides);
            _pending = Navigation.Rerun;
            _resumed.TrySetResult();
            return null;
        }
    }

    /// <summary>The re-run returned as <see cref="Navigation.Rerun"/> by <see cref="AtBoundaryAsync"/>.</summary>
    public RerunRequest TakeRerun()
    {
        lock (_gate)
        {
            var rerun = _rerun ?? throw new InvalidOperationException("no re-run is pending");
            _rerun = null;
            return rerun;
        }
    }

    /// <summary>Asks the loop to pause at the next boundary (debug mode).</summary>
    public void PauseAtNextBoundary()
    {
        lock (_gate) _pauseRequested = true;
    }

    /// <summary>Moves the execution to <paramref name="status"/> through the status rules (<see cref="StatusMachine"/>).</summary>
    public void SetStatus(ExecutionStatus status)
    {
        lock (_gate) StatusMachine.TryMove(this, status, DateTimeOffset.UtcNow);
    }

    void IExecutionStatusHolder.Write(ExecutionStatusChange change)
    {
        _status = change.Status;
        _finishedAt = change.FinishedAt;
        _version = change.Version;
    }

    /// <summary>Called before each step. Waits while paused; returns a pending skip/back navigation.
    /// <paramref name="onStatus"/> reports the paused/running transitions.</summary>
    public async Task<Navigation> AtBoundaryAsync(Func<ExecutionStatus, Task> onStatus, RerunTargets? targets = null)
    {
        try
        {
            return await WaitAtBoundaryAsync(onStatus, targets);
        }
        finally
        {
            lock (_gate) _targets = null;
        }
    }

    private async Task<Navigation> WaitAtBoundaryAsync(Func<ExecutionStatus, Task> onStatus, RerunTargets? targets)
    {
        lock (_gate) _targets = targets;
        while (true)
        {
            Task wait;
            var justPaused = false;
            lock (_gate)
            {
                Token.ThrowIfCancellationRequested();
                if (_pending != Navigation.None)
                {
                    var nav = _pending;
                    _pending = Navigation.None;
                    return nav;
                }
                if (_pauseRequested)
                {
                    _pauseRequested = false;
                    if (_status != ExecutionStatus.Paused)
                    {
                        StatusMachine.TryMove(this, ExecutionStatus.Paused, DateTimeOffset.UtcNow);
                        _resumed = NewSignal();
                        justPaused = true;
                    }
                }
                if (_status != ExecutionStatus.Paused) return Navigation.None;
                wait = _resumed.Task;
            }
            if (justPaused) await onStatus(ExecutionStatus.Paused);
            await wait.WaitAsync(Token);
            lock (_gate) StatusMachine.TryMove(this, ExecutionStatus.Running, DateTimeOffset.UtcNow);
            await onStatus(ExecutionStatus.Running);
        }
    }

    /// <summary>Creates the token of a step attempt; skip/back commands cancel it and are reported by <see cref="EndStep"/>.</summary>
    public CancellationToken BeginStep(TimeSpan timeout, out Func<Navigation> endStep)
    {
        var cts = CancellationTokenSource.CreateLinkedTokenSource(Token);
        if (timeout > TimeSpan.Zero) cts.CancelAfter(timeout);
        var interruption = new[] { Navigation.None };
        lock (_gate) _runningSteps.Push((cts, interruption));
        endStep = () =>
        {
            lock (_gate)
            {
                if (_runningSteps.TryPeek(out var top) && top.Cts == cts) _runningSteps.Pop();
            }
            cts.Dispose();
            return interruption[0];
        };
        return cts.Token;
    }

    public void MarkHostCancelled(string reason) => CancelReason ??= reason;

    public void Dispose() => _cancel.Dispose();

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
