using IgnitionToolkit.Core.Playbooks.Sources;

namespace IgnitionToolkit.Core.Playbooks;

/// <summary>
/// Finds nested playbooks in a library folder: relative to the library root first (as the original toolkit resolved
/// <c>playbook.run</c>), then to the calling file's folder.
/// Paths that leave the library (with <c>..</c> or absolute paths elsewhere) are refused. Canonical paths are
/// library-relative with forward slashes (e.g. <c>nested/child_greeting.yaml</c>).
/// </summary>
public sealed class FileSystemPlaybookSource(string libraryRoot) : IPlaybookSource
{
    public string LibraryRoot { get; } = Path.TrimEndingDirectorySeparator(Path.GetFullPath(libraryRoot));

    public PlaybookSourceFile? Find(string reference, string fromPath)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(fromPath);
        if (string.IsNullOrWhiteSpace(reference)) return null;
        try
        {
            return FindInLibrary(reference, fromPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    private PlaybookSourceFile? FindInLibrary(string reference, string fromPath)
    {
        foreach (var candidate in Candidates(reference.Trim(), fromPath))
        {
            foreach (var path in PlaybookPaths.WithExtensions(candidate))
            {
                var full = Path.GetFullPath(path);
                if (Inside(full) && File.Exists(full)) return new PlaybookSourceFile(Canonical(full), File.ReadAllText(full));
            }
        }
        return null;
    }

    /// <summary>The library-relative path of a file inside the library, or null.</summary>
    public string? CanonicalPath(string path)
    {
        var full = Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(LibraryRoot, path));
        return Inside(full) ? Canonical(full) : null;
    }

    private IEnumerable<string> Candidates(string reference, string fromPath)
    {
        if (Path.IsPathRooted(reference))
        {
            yield return reference;
            yield break;
        }
        yield return Path.Combine(LibraryRoot, reference);
        var from = Path.IsPathRooted(fromPath) ? fromPath : Path.Combine(LibraryRoot, fromPath);
        var folder = Path.GetDirectoryName(Path.GetFullPath(from));
        if (folder is not null && Inside(Path.Combine(Path.GetFullPath(folder), "x")))
            yield return Path.Combine(folder, reference);
    }

    private bool Inside(string full) =>
        full.StartsWith(LibraryRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private string Canonical(string full) => Path.GetRelativePath(LibraryRoot, full).Replace('\\', '/');
}
