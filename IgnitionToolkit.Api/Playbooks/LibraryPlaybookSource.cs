using IgnitionToolkit.Core.Playbooks;

namespace IgnitionToolkit.Api.Playbooks;

/// <summary>Resolves nested playbook references against the library: relative to the calling file's folder first,
/// then to the library root. Canonical paths are library-relative.</summary>
public sealed class LibraryPlaybookSource(PlaybookLibrary library) : IPlaybookSource
{
    public PlaybookSourceFile? Find(string reference, string fromPath)
    {
        if (string.IsNullOrWhiteSpace(reference)) return null;
        var fromFolder = Path.GetDirectoryName(fromPath.Replace('\\', '/'))?.Replace('\\', '/') ?? string.Empty;
        foreach (var candidate in Candidates(reference.Trim(), fromFolder))
        {
            if (library.TryNormalize(candidate, out var relative) is null && library.Exists(relative))
                return new PlaybookSourceFile(relative, File.ReadAllText(library.FullPath(relative)));
        }
        return null;
    }

    private static IEnumerable<string> Candidates(string reference, string fromFolder)
    {
        var names = reference.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || reference.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)
            ? new[] { reference }
            : new[] { reference + ".yaml", reference + ".yml" };
        foreach (var name in names)
        {
            if (fromFolder.Length > 0) yield return Collapse($"{fromFolder}/{name}");
            yield return Collapse(name);
        }
    }

    /// <summary>Resolves <c>..</c> segments inside the library (a reference like <c>../common/x.yaml</c> from a sub-folder).</summary>
    private static string Collapse(string path)
    {
        var stack = new List<string>();
        foreach (var segment in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (segment == ".") continue;
            if (segment == "..")
            {
                if (stack.Count == 0) return path; // escapes the library: left as is, refused by TryNormalize
                stack.RemoveAt(stack.Count - 1);
                continue;
            }
            stack.Add(segment);
        }
        return string.Join('/', stack);
    }
}
