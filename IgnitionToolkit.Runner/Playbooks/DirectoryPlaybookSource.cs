using IgnitionToolkit.Core.Playbooks;

namespace IgnitionToolkit.Runner.Playbooks;

/// <summary>Nested playbooks on disk for the command line: relative to the calling file's folder, then to each root
/// in order (the folder of the playbook given on the command line, then the library).</summary>
public sealed class DirectoryPlaybookSource(params string[] roots) : IPlaybookSource
{
    private readonly string[] _roots = roots.Where(r => !string.IsNullOrWhiteSpace(r)).Select(Path.GetFullPath).Distinct().ToArray();

    public PlaybookSourceFile? Find(string reference, string fromPath)
    {
        if (Path.IsPathRooted(reference)) return Read(reference);
        var fromFolder = Path.GetDirectoryName(Path.IsPathRooted(fromPath) ? fromPath : Path.GetFullPath(fromPath)) ?? "";
        foreach (var folder in new[] { fromFolder }.Concat(_roots))
        {
            foreach (var candidate in PlaybookReferences.Candidates(reference, "x"))
            {
                var file = Read(Path.Combine(folder, candidate));
                if (file is not null) return file;
            }
        }
        return null;
    }

    private static PlaybookSourceFile? Read(string path)
    {
        var full = Path.GetFullPath(path);
        return File.Exists(full) ? new PlaybookSourceFile(full, File.ReadAllText(full)) : null;
    }
}
