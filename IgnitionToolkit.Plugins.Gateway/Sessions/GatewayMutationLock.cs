using System.Collections.Concurrent;
using IgnitionToolkit.Core.Plugins;
using Microsoft.Extensions.Logging;

namespace IgnitionToolkit.Plugins.Gateway.Sessions;

/// <summary>
/// Serialises mutating operations (restart, restore, module install, project import) per gateway base URL: two
/// executions never run them against the same gateway at once; the second waits and says so in its log.
/// Within a process an async gate keeps waiters fair and cancellable; across processes (several Runners on one queue)
/// an OS file lock in <see cref="LockDirectory"/> (<c>&lt;data&gt;/locks</c> when the host registers
/// <c>ToolkitPaths</c>) is held for the whole operation and released when its handle closes, also on a crash.
/// </summary>
public sealed class GatewayMutationLock
{
    /// <summary>The process-wide fallback (steps use it when the host did not register one): locks in a temp folder.</summary>
    public static GatewayMutationLock Shared { get; } = new();

    private readonly ConcurrentDictionary<string, Gate> _gates = new(StringComparer.Ordinal);
    private readonly GatewayFileLock _files;

    /// <summary>Creates a lock whose cross-process lock files live in <paramref name="lockDirectory"/>
    /// (default: <c>&lt;temp&gt;/ignition-toolkit/locks</c>, which only coordinates Runners on the same machine).</summary>
    public GatewayMutationLock(string? lockDirectory = null) =>
        _files = new GatewayFileLock(lockDirectory ?? DefaultDirectory);

    /// <summary>The fallback lock folder when no data folder is known.</summary>
    public static string DefaultDirectory => Path.Combine(Path.GetTempPath(), "ignition-toolkit", "locks");

    /// <summary>The folder holding the <c>gateway-&lt;sha256&gt;.lock</c> files.</summary>
    public string LockDirectory => _files.Directory;

    /// <summary>The lock file used for <paramref name="gateway"/>.</summary>
    public string LockFileFor(string gateway) => _files.PathFor(Key(gateway));

    public async Task<IAsyncDisposable> AcquireAsync(string gateway, string operation, ILogger logger, CancellationToken cancellationToken)
    {
        var key = Key(gateway);
        var gate = _gates.GetOrAdd(key, _ => new Gate());
        var waited = false;
        cancellationToken.ThrowIfCancellationRequested();
        bool taken;
        string? holder;
        lock (gate) // taking the gate and naming the operation are one step, so a waiter never reads a holder without a name
        {
            taken = gate.Semaphore.Wait(0);
            if (taken) gate.Operation = operation;
            holder = gate.Operation;
        }
        if (!taken)
        {
            logger.LogStep(WaitingMessage(holder, gateway));
            waited = true;
            await gate.Semaphore.WaitAsync(cancellationToken);
        }
        gate.Operation = operation; // a waiter arriving while the file lock is taken names this operation
        try
        {
            var handle = _files.TryAcquire(key);
            if (handle is null)
            {
                handle = await _files.AcquireAsync(key, other =>
                {
                    if (!waited) logger.LogStep(WaitingMessage(other, gateway));
                    waited = true;
                }, cancellationToken);
            }
            _files.WriteOwner(key, operation);
            if (waited) logger.LogStep($"the other execution's operation on {gateway} has finished; starting {operation}");
            return new Release(gate, handle);
        }
        catch
        {
            gate.Operation = null;
            gate.Semaphore.Release();
            throw;
        }
    }

    /// <summary>The normalised base URL: scheme, host and port lower-cased (default port omitted), path without a trailing '/'.</summary>
    internal static string Key(string gateway)
    {
        var trimmed = gateway.Trim();
        if (Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
            return (uri.GetLeftPart(UriPartial.Authority) + uri.AbsolutePath.TrimEnd('/')).ToLowerInvariant();
        return trimmed.TrimEnd('/').ToLowerInvariant();
    }

    private static string WaitingMessage(string? operation, string gateway) =>
        $"waiting for another execution's {operation ?? "operation"} on {gateway} to finish";

    private sealed class Gate
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);
        public volatile string? Operation;
    }

    private sealed class Release(Gate gate, FileStream handle) : IAsyncDisposable
    {
        private int _released;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) != 0) return;
            // The operation's name stays until the next holder sets its own: a waiter arriving during the hand-over
            // names the last operation rather than none.
            try
            {
                await handle.DisposeAsync(); // closing the handle releases the OS lock
            }
            finally
            {
                gate.Semaphore.Release();
            }
        }
    }
}
