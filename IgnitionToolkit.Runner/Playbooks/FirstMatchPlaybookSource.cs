using IgnitionToolkit.Core.Playbooks;

namespace IgnitionToolkit.Runner.Playbooks;

/// <summary>Asks several sources in order and takes the first that finds the nested playbook. The command line
/// composes two <see cref="FileSystemPlaybookSource"/>s: the folder of the playbook it was given, then the library.</summary>
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

    /// <summary>The playbook's own folder, then the library (when set and different).</summary>
    public static IPlaybookSource ForFile(string playbookFile, string? library)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(playbookFile))!;
        var own = new FileSystemPlaybookSource(folder);
        if (string.IsNullOrWhiteSpace(library) ||
            Path.TrimEndingDirectorySeparator(Path.GetFullPath(library)) == own.LibraryRoot) return own;
        return new FirstMatchPlaybookSource(own, new FileSystemPlaybookSource(library));
    }
}
