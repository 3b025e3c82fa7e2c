using IgnitionToolkit.Core.Playbooks;

namespace IgnitionToolkit.Hosting.Playbooks;

/// <summary>Asks several sources in order and takes the first that finds the nested playbook. The command line
/// composes <see cref="FileSystemPlaybookSource"/>s: the library root (the folder given to <c>validate</c>, else the
/// configured library), then the folder of the playbook it was given.</summary>
public sealed class FirstMatchPlaybookSource(params IPlaybookSource[] sources) : IPlaybookSource
{
    public PlaybookSourceFile? Find(string reference, string fromPath)
    {
        foreach (var source in sources)
        {
            if (source.Find(reference, fromPath) is { } file) return file;
        }
        return null;
    }

    /// <summary>The library roots in order (<paramref name="root"/>: the folder a file was found in by <c>validate
    /// &lt;folder&gt;</c>; then the configured library), then the playbook's own folder; each folder once.</summary>
    public static IPlaybookSource ForFile(string playbookFile, string? library, string? root = null)
    {
        var folders = new[] { root, library, Path.GetDirectoryName(Path.GetFullPath(playbookFile)) }
            .Where(f => !string.IsNullOrWhiteSpace(f))
            .Select(f => Path.TrimEndingDirectorySeparator(Path.GetFullPath(f!)))
            .Where(Directory.Exists)
            .Distinct(StringComparer.Ordinal)
            .Select(f => (IPlaybookSource)new FileSystemPlaybookSource(f))
            .ToArray();
        return folders.Length == 1 ? folders[0] : new FirstMatchPlaybookSource(folders);
    }
}
