using IgnitionToolkit.Core.Configuration;
using IgnitionToolkit.Core.Playbooks;

namespace IgnitionToolkit.Api.Playbooks;

/// <summary>
/// The playbook library folder. Paths are library-relative with forward slashes (<c>gateway/backup.yaml</c>);
/// anything that would leave the folder (<c>..</c>, absolute paths) is refused.
/// </summary>
public sealed class PlaybookLibrary(ToolkitPaths paths, TimeProvider clock)
{
    public const long MaxFileBytes = 1024 * 1024;
    public const int MaxPathLength = 1024;
    /// <summary>The 255 bytes (UTF-8) most file systems allow for one folder or file name.</summary>
    public const int MaxSegmentBytes = 255;
    private static readonly string[] Extensions = [".yaml", ".yml"];

    public string Root { get; } = Path.GetFullPath(paths.PlaybooksDirectory);
    public string BackupRoot { get; } = Path.Combine(paths.BackupsDirectory, "playbooks");

    /// <summary>Finds nested playbooks (<c>playbook.run</c>) in the library: relative to the calling file's folder
    /// first, then to the library root (the parser's <see cref="FileSystemPlaybookSource"/>).</summary>
    public FileSystemPlaybookSource Source { get; } = new(paths.PlaybooksDirectory);

    /// <summary>Checks and normalises a library path; returns an error message when it is unusable.</summary>
    public string? TryNormalize(string? path, out string relative)
    {
        relative = string.Empty;
        if (string.IsNullOrWhiteSpace(path)) return "path is required";
        if (path.Any(char.IsControl)) return "path must not contain control characters (NUL, line breaks, tabs …)";
        if (path.Length > MaxPathLength) return $"path is longer than {MaxPathLength} characters";
        var candidate = path.Trim().Replace('\\', '/');
        if (candidate.StartsWith('/') || Path.IsPathRooted(candidate) || candidate.Contains(':'))
            return $"path '{path}' must be relative to the playbook library";
        var segments = candidate.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Any(s => s is ".." or "."))
            return $"path '{path}' must not contain '.' or '..' segments";
        if (segments.Any(s => System.Text.Encoding.UTF8.GetByteCount(s) > MaxSegmentBytes))
            return $"path has a folder or file name longer than {MaxSegmentBytes} bytes";
        if (segments.Any(s => s.StartsWith('.')))
            return $"path '{path}' must not name hidden files or folders";
        if (segments.Length == 0 || !Extensions.Any(e => segments[^1].EndsWith(e, StringComparison.OrdinalIgnoreCase)))
            return $"path '{path}' must end with .yaml or .yml";
        relative = string.Join('/', segments);
        var full = FullPath(relative);
        if (!full.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            return $"path '{path}' escapes the playbook library";
        return null;
    }

    public string FullPath(string relative) => Path.GetFullPath(Path.Combine(Root, relative));

    public bool Exists(string relative) => File.Exists(FullPath(relative));

    /// <summary>Every playbook file in the library (hidden folders skipped), sorted.</summary>
    public IReadOnlyList<string> List()
    {
        if (!Directory.Exists(Root)) return [];
        return Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories)
            .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .Select(f => Path.GetRelativePath(Root, f).Replace('\\', '/'))
            .Where(rel => !rel.Split('/').Any(s => s.StartsWith('.')))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The first folder of the path (the category), or null at the library root.</summary>
    public static string? CategoryOf(string relative)
    {
        var slash = relative.IndexOf('/');
        return slash > 0 ? relative[..slash] : null;
    }

    public async Task<string?> ReadAsync(string relative, CancellationToken cancellationToken)
    {
        var full = FullPath(relative);
        return File.Exists(full) ? await File.ReadAllTextAsync(full, cancellationToken) : null;
    }

    public async Task WriteAsync(string relative, string text, CancellationToken cancellationToken)
    {
        var full = FullPath(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = full + ".tmp";
        await File.WriteAllTextAsync(temp, text, cancellationToken);
        File.Move(temp, full, overwrite: true);
    }

    /// <summary>Copies the current file to <c>&lt;data&gt;/backups/playbooks/&lt;path&gt;.&lt;utc time&gt;.bak</c>; returns the backup's full path.</summary>
    public string Backup(string relative)
    {
        var stamp = clock.GetUtcNow().ToString("yyyyMMdd'T'HHmmssfff'Z'", global::System.Globalization.CultureInfo.InvariantCulture);
        var target = Path.Combine(BackupRoot, $"{relative}.{stamp}.bak");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(FullPath(relative), target, overwrite: true);
        return target;
    }

    public void Delete(string relative) => File.Delete(FullPath(relative));
}
