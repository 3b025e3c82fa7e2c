using System.Collections.Concurrent;
using IgnitionToolkit.Core.Plugins;
using Microsoft.Extensions.Logging;

namespace IgnitionToolkit.Plugins.Gateway.Sessions;

/// <summary>
/// Serialises mutating operations (restart, restore, module install, project import) per gateway base URL within this
/// process: two executions never run them against the same gateway at once; the second waits and says so in its log.
/// </summary>
public sealed class GatewayMutationLock
{
    /// <summary>The process-wide instance (steps use it also when the host did not register one).</summary>
    public static GatewayMutationLock Shared { get; } = new();

    private readonly ConcurrentDictionary<string, Gate> _gates = new(StringComparer.OrdinalIgnoreCase);

    public async Task<IAsyncDisposable> AcquireAsync(string gateway, string operation, ILogger logger, CancellationToken cancellationToken)
    {
        var gate = _gates.GetOrAdd(Key(gateway), _ => new Gate());
        if (!await gate.Semaphore.WaitAsync(0, cancellationToken))
        {
            logger.LogStep($"waiting for another execution's {gate.Operation ?? "operation"} on {gateway} to finish");
            await gate.Semaphore.WaitAsync(cancellationToken);
            logger.LogStep($"the other execution's operation on {gateway} has finished; starting {operation}");
        }
        gate.Operation = operation;
        return new Release(gate);
    }

    internal static string Key(string gateway) => gateway.TrimEnd('/').ToLowerInvariant();

    private sealed class Gate
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);
        public volatile string? Operation;
    }

    private sealed class Release(Gate gate) : IAsyncDisposable
    {
        private int _released;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Operation = null;
                gate.Semaphore.Release();
            }
            return ValueTask.CompletedTask;
        }
    }
}
