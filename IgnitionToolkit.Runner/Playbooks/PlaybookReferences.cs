namespace IgnitionToolkit.Runner.Playbooks;

/// <summary>Candidate paths of a nested playbook reference: relative to the calling file's folder first,
/// then to the library root; without an extension, <c>.yaml</c> and <c>.yml</c> are tried too.</summary>
internal static class PlaybookReferences
{
    public static IEnumerable<string> Candidates(string reference, string fromPath)
    {
        var folder = Path.GetDirectoryName(fromPath.Replace('\\', '/')) ?? "";
        foreach (var baseRelative in new[] { Path.Combine(folder, reference), reference })
        {
            yield return baseRelative;
            if (!Path.HasExtension(reference))
            {
                yield return baseRelative + ".yaml";
                yield return baseRelative + ".yml";
            }
        }
    }

    /// <summary>Library-relative canonical form: forward slashes, no <c>.</c>/<c>..</c> segments, no leading slash.</summary>
    public static string Normalize(string path)
    {
        var parts = new List<string>();
        foreach (var segment in path.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (segment == ".") continue;
            if (segment == ".." && parts.Count > 0) parts.RemoveAt(parts.Count - 1);
            else if (segment != "..") parts.Add(segment);
        }
        return string.Join('/', parts);
    }
}
