using System.Collections.Concurrent;
using IgnitionToolkit.Runner.Options;
using Microsoft.Extensions.Options;

namespace IgnitionToolkit.Runner.Execution;

/// <summary>The executions this Runner owns and the slots that limit how many run at once.</summary>
public sealed class ExecutionRegistry : IDisposable
{
    private readonly SemaphoreSlim _slots;
    private readonly ConcurrentDictionary<Guid, OwnedExecution> _owned = new();
    private readonly CancellationTokenSource _shutdown = new();

    public ExecutionRegistry(IOptions<RunnerOptions> options)
    {
        Capacity = Math.Max(1, options.Value.MaxConcurrentExecutions);
        _slots = new SemaphoreSlim(Capacity, Capacity);
    }

    public int Capacity { get; }
    public int Count => _owned.Count;
    public IReadOnlyList<Guid> OwnedIds => _owned.Keys.ToList();
    public bool IsShuttingDown => _shutdown.IsCancellationRequested;

    /// <summary>Cancelled when the Runner starts shutting down.</summary>
    public CancellationToken ShutdownToken => _shutdown.Token;

    /// <summary>Waits for a free slot; false when <paramref name="timeout"/> passed first. Throws when cancelled or shutting down.</summary>
    public async Task<bool> WaitForSlotAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _shutdown.Token);
        var acquired = await _slots.WaitAsync(timeout, linked.Token).ConfigureAwait(false);
        if (acquired && IsShuttingDown)
        {
            _slots.Release();
            throw new OperationCanceledException(_shutdown.Token);
        }
        return acquired;
    }

    public void ReleaseSlot() => _slots.Release();

    public bool IsOwned(Guid executionId) => _owned.ContainsKey(executionId);

    public bool TryGet(Guid executionId, out OwnedExecution execution) => _owned.TryGetValue(executionId, out execution!);

    /// <summary>Registers an execution that already holds a slot.</summary>
    public bool TryAdd(OwnedExecution execution) => _owned.TryAdd(execution.ExecutionId, execution);

    /// <summary>Forgets a finished execution and frees its slot.</summary>
    public void Remove(OwnedExecution execution)
    {
        if (_owned.TryRemove(new KeyValuePair<Guid, OwnedExecution>(execution.ExecutionId, execution)))
        {
            _slots.Release();
        }
    }

    /// <summary>Stops accepting executions, cancels every owned one with <paramref name="reason"/> and waits until
    /// they have ended (final events published) or <paramref name="wait"/> has passed. Returns how many remain.</summary>
    public async Task<int> ShutdownAsync(string reason, TimeSpan wait)
    {
        _shutdown.Cancel();
        var deadline = DateTimeOffset.UtcNow + wait;
        while (!_owned.IsEmpty && DateTimeOffset.UtcNow < deadline)
        {
            var current = _owned.Values.ToList();
            foreach (var execution in current) execution.Cancel(reason);
            var remaining = deadline - DateTimeOffset.UtcNow;
            if (remaining <= TimeSpan.Zero) break;
            await Task.WhenAny(Task.WhenAll(current.Select(e => e.Ended)), Task.Delay(remaining)).ConfigureAwait(false);
        }
        return _owned.Count;
    }

    public void Dispose()
    {
        _shutdown.Dispose();
        _slots.Dispose();
    }
}
