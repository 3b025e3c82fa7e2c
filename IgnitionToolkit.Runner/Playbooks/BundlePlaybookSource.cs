using IgnitionToolkit.Core.Playbooks;

namespace IgnitionToolkit.Runner.Playbooks;

/// <summary>Nested playbooks sent with <c>StartExecution</c> (canonical path → text), so Runners need no shared disk.</summary>
public sealed class BundlePlaybookSource : IPlaybookSource
{
    private readonly Dictionary<string, string> _files;

    public BundlePlaybookSource(IReadOnlyDictionary<string, string> files)
    {
        _files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (path, text) in files) _files[PlaybookReferences.Normalize(path)] = text;
    }

    public PlaybookSourceFile? Find(string reference, string fromPath)
    {
        foreach (var candidate in PlaybookReferences.Candidates(reference, fromPath))
        {
            var key = PlaybookReferences.Normalize(candidate);
            if (_files.TryGetValue(key, out var text)) return new PlaybookSourceFile(key, text);
        }
        return null;
    }
}
