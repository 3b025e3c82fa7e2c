namespace IgnitionToolkit.Core.Playbooks.Sources;

/// <summary>Helpers for library-relative playbook paths (always with forward slashes).</summary>
public static class PlaybookPaths
{
    private static readonly string[] Extensions = [".yaml", ".yml"];

    /// <summary>Normalises a relative path (<c>./</c>, <c>..</c>, backslashes). Null when it climbs above its root.</summary>
    public static string? NormalizeRelative(string path)
    {
        var parts = new List<string>();
        foreach (var part in path.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == ".") continue;
            if (part == "..")
            {
                if (parts.Count == 0) return null;
                parts.RemoveAt(parts.Count - 1);
                continue;
            }
            parts.Add(part);
        }
        return parts.Count == 0 ? null : string.Join('/', parts);
    }

    /// <summary>The folder part of a relative path ("" at the top).</summary>
    public static string Folder(string path)
    {
        var normalized = path.Replace('\\', '/');
        var slash = normalized.LastIndexOf('/');
        return slash < 0 ? "" : normalized[..slash];
    }

    /// <summary>The reference itself, then with <c>.yaml</c>/<c>.yml</c> added when it has no extension.</summary>
    public static IEnumerable<string> WithExtensions(string reference)
    {
        yield return reference;
        if (Path.HasExtension(reference)) yield break;
        foreach (var extension in Extensions) yield return reference + extension;
    }
}
