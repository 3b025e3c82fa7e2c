namespace IgnitionToolkit.Core.Plugins.BuiltIn.Python;

/// <summary>The folder of one execution's scripts: their working directory and HOME (<c>home/</c>, kept from one
/// python step to the next) and the channels' sockets (<c>ipc/</c>). Private to the host's user; deleted when the
/// execution ends.</summary>
internal sealed class PythonWorkDirectory : IDisposable
{
    public const string ItemKey = "utility.python.work-directory";
    private const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private int _sockets;

    public PythonWorkDirectory(Guid executionId)
    {
        // Unix socket paths are limited to 107 bytes: stay short, under /tmp when the temp folder's path is long.
        var temp = Path.GetTempPath();
        if (temp.Length > 40) temp = "/tmp";
        Root = Path.Combine(temp, "itk-python", executionId.ToString("N"));
        Home = Path.Combine(Root, "home");
        Ipc = Path.Combine(Root, "ipc");
        Directory.CreateDirectory(Path.Combine(temp, "itk-python"));
        foreach (var folder in new[] { Root, Home, Ipc })
        {
            if (OperatingSystem.IsWindows()) Directory.CreateDirectory(folder);
            else Directory.CreateDirectory(folder, Private);
        }
    }

    public string Root { get; }
    public string Home { get; }
    public string Ipc { get; }

    public string NextSocketPath() => Path.Combine(Ipc, $"s{Interlocked.Increment(ref _sockets)}");

    public void Dispose()
    {
        try
        {
            if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // a file a detached process still writes to: the temp folder's own cleanup gets it
        }
    }
}
