using IgnitionToolkit.Core.Plugins;

namespace IgnitionToolkit.Core.Tests.Engine;

/// <summary>Fails its first <c>failures</c> attempts, then completes; counts calls.</summary>
internal sealed class FlakyStep : IStepPlugin
{
    private int _calls;
    public int Calls => _calls;

    public StepTypeDescriptor Descriptor { get; } = new("test.flaky", "test", "Fails N times, then succeeds.",
        [new StepParameterSchema("failures", StepParameterType.Integer, Default: 1L)],
        Outputs: [new StepOutputSchema("calls", StepParameterType.Integer)]);

    public Task<StepResult> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
    {
        var call = Interlocked.Increment(ref _calls);
        return Task.FromResult(call <= context.Get<long>("failures")
            ? StepResult.Failed($"failure {call}")
            : StepResult.Completed(new Dictionary<string, object?> { ["calls"] = (long)call }));
    }
}

/// <summary>Always fails with the given message (which may contain a secret, to test masking).</summary>
internal sealed class FailStep : IStepPlugin
{
    public StepTypeDescriptor Descriptor { get; } = new("test.fail", "test", "Always fails.",
        [new StepParameterSchema("message", StepParameterType.String, Default: "boom")]);

    public Task<StepResult> ExecuteAsync(StepContext context, CancellationToken cancellationToken) =>
        Task.FromResult(StepResult.Failed(context.Get<string>("message")!));
}

/// <summary>Ignores cancellation for a long time: the engine must still stop it (timeout, cancel).</summary>
internal sealed class StubbornStep : IStepPlugin
{
    public StepTypeDescriptor Descriptor { get; } = new("test.stubborn", "test", "Blocks without honouring cancellation.", []);

    public async Task<StepResult> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
    {
        await Task.Delay(TimeSpan.FromMinutes(10), CancellationToken.None);
        return StepResult.Completed();
    }
}

/// <summary>Runs until the test opens it: holds a step (and the state a test must observe) for as long as the test needs.</summary>
internal sealed class GateStep : IStepPlugin
{
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public StepTypeDescriptor Descriptor { get; } = new("test.gate", "test", "Completes once the test opens the gate.", []);

    public void Open() => _open.TrySetResult();

    public async Task<StepResult> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
    {
        await _open.Task.WaitAsync(cancellationToken);
        return StepResult.Completed();
    }
}

/// <summary>Opens something that lives with the execution (as a browser step opens its context) only once the test lets
/// it, whether or not the execution was cancelled meanwhile: what it opens must still be closed.</summary>
internal sealed class LateItemStep : IStepPlugin
{
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public StepTypeDescriptor Descriptor { get; } = new("test.late_item", "test", "Opens an execution item when the test lets it.", []);

    private readonly TaskCompletionSource _cancelled = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ClosedOnDispose Item { get; } = new();

    /// <summary>Completes when the step's cancellation token fired.</summary>
    public Task Cancelled => _cancelled.Task;

    public void Open() => _open.TrySetResult();

    public async Task<StepResult> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
    {
        await using var seen = cancellationToken.Register(() => _cancelled.TrySetResult());
        await _open.Task; // not cancellable on purpose, like a browser context being created
        context.Items.Set("test.item", Item);
        cancellationToken.ThrowIfCancellationRequested();
        return StepResult.Completed();
    }

    internal sealed class ClosedOnDispose : IAsyncDisposable
    {
        private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Closed => _closed.Task;

        public ValueTask DisposeAsync()
        {
            _closed.TrySetResult();
            return ValueTask.CompletedTask;
        }
    }
}
