using IgnitionToolkit.Testing;

namespace IgnitionToolkit.Functional.Tests.Faults;

/// <summary>Makes a folder unwritable until disposed: <c>chmod 555</c>, and where that is not enough (the tests run as
/// root, which ignores permissions) the immutable attribute (<c>chattr +i</c>, ext4 and most Linux file systems). The
/// lock is checked by trying to create a folder in it.</summary>
public sealed class ReadOnlyFolder : IAsyncDisposable
{
    private readonly string _path;
    private bool _immutable;

    private ReadOnlyFolder(string path) => _path = path;

    public static async Task<ReadOnlyFolder> LockAsync(string path)
    {
        var folder = new ReadOnlyFolder(path);
        await RunAsync($"chmod 555 '{path}'");
        if (IsWritable(path))
        {
            await RunAsync($"chattr +i '{path}'");
            folder._immutable = true;
        }
        if (IsWritable(path))
        {
            await folder.DisposeAsync();
            throw new InvalidOperationException($"{path} stays writable after chmod 555 and chattr +i");
        }
        return folder;
    }

    private static bool IsWritable(string path)
    {
        var probe = Path.Combine(path, "probe-" + Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateDirectory(probe);
            Directory.Delete(probe);
            return true;
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            return false;
        }
    }

    private static async Task RunAsync(string command)
    {
        var result = await ShellCommand.RunAsync(command, Path.GetTempPath(), TimeSpan.FromSeconds(30));
        if (result.ExitCode != 0) throw new InvalidOperationException($"'{command}' failed ({result.ExitCode}): {result.Output}");
    }

    public async ValueTask DisposeAsync()
    {
        if (_immutable) await RunAsync($"chattr -i '{_path}'");
        await RunAsync($"chmod 755 '{_path}'");
    }
}
