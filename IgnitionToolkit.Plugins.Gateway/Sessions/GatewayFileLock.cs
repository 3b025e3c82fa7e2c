using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace IgnitionToolkit.Plugins.Gateway.Sessions;

/// <summary>
/// The cross-process half of <see cref="GatewayMutationLock"/>: an OS file lock on
/// <c>&lt;folder&gt;/gateway-&lt;sha256 of the normalised base URL&gt;.lock</c>, opened with <see cref="FileShare.None"/>
/// (<c>flock</c> on Linux/macOS, a sharing lock on Windows). The OS releases it when the handle is closed, also when the
/// holding process dies, so a crashed Runner never leaves a gateway locked. Lock files are never deleted (deleting a
/// file another process is about to lock would let two holders in). A best-effort <c>.owner</c> file next to it names the
/// holder's operation, so a waiting Runner can say what it waits for.
/// </summary>
internal sealed class GatewayFileLock(string directory)
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(25);
    private static readonly TimeSpan MaxRetry = TimeSpan.FromMilliseconds(500);
    private const int OwnerLooks = 3;

    public string Directory { get; } = directory;

    public string PathFor(string normalisedGateway) =>
        Path.Combine(Directory, $"gateway-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalisedGateway)))}.lock");

    /// <summary>Tries once to take the lock; null when another handle (this or another process) holds it.</summary>
    public FileStream? TryAcquire(string normalisedGateway)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var path = PathFor(normalisedGateway);
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
        }
        catch (IOException ex) when (IsContention(ex))
        {
            return null;
        }
    }

    /// <summary>Waits (short back-off) until the lock is free; <paramref name="onContended"/> runs once before the first wait.</summary>
    public async Task<FileStream> AcquireAsync(string normalisedGateway, Action<string?> onContended, CancellationToken cancellationToken)
    {
        var delay = FirstRetry;
        var told = false;
        var looks = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var handle = TryAcquire(normalisedGateway);
            if (handle is not null) return handle;
            // The holder writes its owner note just after taking the lock: look a few times before saying "operation".
            if (!told && (ReadOwner(normalisedGateway) is var owner && (owner is not null || ++looks > OwnerLooks)))
            {
                told = true;
                onContended(owner);
            }
            await Task.Delay(delay, cancellationToken);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetry.Ticks));
        }
    }

    /// <summary>Records the holder's operation (best effort: a failure only makes a waiter's log line less specific).</summary>
    public void WriteOwner(string normalisedGateway, string operation)
    {
        try
        {
            var owner = new Owner(operation, Environment.ProcessId, Environment.MachineName, DateTimeOffset.UtcNow);
            File.WriteAllText(PathFor(normalisedGateway) + ".owner", JsonSerializer.Serialize(owner));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The lock itself is held; the owner note is only informational.
        }
    }

    private string? ReadOwner(string normalisedGateway)
    {
        try
        {
            return JsonSerializer.Deserialize<Owner>(File.ReadAllText(PathFor(normalisedGateway) + ".owner"))?.Operation;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    // Windows: ERROR_SHARING_VIOLATION / ERROR_LOCK_VIOLATION; Unix: .NET reports a failed flock(LOCK_EX|LOCK_NB) as an
    // IOException (EWOULDBLOCK) that is neither "not found" nor "access denied".
    private static bool IsContention(IOException ex) =>
        ex is not (FileNotFoundException or DirectoryNotFoundException or PathTooLongException)
        && (OperatingSystem.IsWindows() ? (ex.HResult & 0xFFFF) is 32 or 33 : true);

    private sealed record Owner(string Operation, int ProcessId, string Machine, DateTimeOffset Since);
}
