namespace IgnitionToolkit.Testing;

/// <summary>A folder under the system temp folder, removed when the test (or bench scenario) ends.</summary>
public sealed class TempFolder(string prefix = "toolkit-test-") : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory(prefix).FullName;

    public string Write(string relative, string content)
    {
        var file = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        File.WriteAllText(file, content);
        return file;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // a process still holds a file: the OS temp folder is cleaned eventually
        }
    }
}
