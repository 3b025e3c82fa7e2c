using IgnitionToolkit.Core.Playbooks.Sources;

namespace IgnitionToolkit.Core.Playbooks;

/// <summary>
/// Nested playbooks held in memory, keyed by library-relative path (e.g. a bundle sent to a Runner with
/// <see cref="PlaybookBundle.Collect"/>). Lookup is relative to the calling file's folder first, then to the root;
/// paths escaping the root and absolute paths are refused.
/// </summary>
public sealed class InMemoryPlaybookSource : IPlaybookSource
{
    private readonly Dictionary<string, string> _files = new(StringComparer.Ordinal);

    public InMemoryPlaybookSource(IReadOnlyDictionary<string, string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        foreach (var (path, text) in files)
            if (PlaybookPaths.NormalizeRelative(path) is { } key) _files[key] = text;
    }

    public IReadOnlyCollection<string> Paths => _files.Keys;

    public PlaybookSourceFile? Find(string reference, string fromPath)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(fromPath);
        if (string.IsNullOrWhiteSpace(reference) || reference.StartsWith('/') || Path.IsPathRooted(reference)) return null;
        var folder = Path.IsPathRooted(fromPath) ? "" : PlaybookPaths.Folder(fromPath);
        string[] candidates = folder.Length == 0 ? [reference] : [folder + "/" + reference, reference];
        foreach (var candidate in candidates)
        {
            foreach (var path in PlaybookPaths.WithExtensions(candidate))
            {
                if (PlaybookPaths.NormalizeRelative(path) is { } key && _files.TryGetValue(key, out var text))
                    return new PlaybookSourceFile(key, text);
            }
        }
        return null;
    }
}
