namespace IgnitionToolkit.Cli.Local;

/// <summary>A playbook file found on the command line; <see cref="Root"/> is the folder argument it was found in
/// (that folder is then the library root for its <c>playbook.run</c> steps), null for a file given by name.</summary>
public sealed record PlaybookFile(string Path, string? Root);

/// <summary>Expands files and folders given on the command line into playbook files (<c>*.yaml</c>, <c>*.yml</c>, recursively).</summary>
public static class PlaybookFiles
{
    public static (IReadOnlyList<PlaybookFile> Files, IReadOnlyList<string> Missing) Expand(IEnumerable<string> paths)
    {
        var files = new List<PlaybookFile>();
        var missing = new List<string>();
        foreach (var path in paths)
        {
            if (File.Exists(path)) files.Add(new PlaybookFile(path, null));
            else if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*.*", SearchOption.AllDirectories)
                    .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal).Select(f => new PlaybookFile(f, path)));
            }
            else missing.Add(path);
        }
        return (files.DistinctBy(f => f.Path).ToList(), missing);
    }

    /// <summary>How a file is named in messages: relative to the working folder when inside it.</summary>
    public static string Display(string path)
    {
        var full = Path.GetFullPath(path);
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), full);
        return relative.StartsWith("..", StringComparison.Ordinal) ? full : relative;
    }
}
