using IgnitionToolkit.Api.Library;
using IgnitionToolkit.Core.Configuration;
using IgnitionToolkit.Core.Playbooks;

namespace IgnitionToolkit.Api.Playbooks;

/// <summary>
/// The playbook library folder. Paths are library-relative with forward slashes (<c>gateway/backup.yaml</c>);
/// anything that would leave the folder (<c>..</c>, absolute paths) is refused. A path whose first folder names a git
/// source (<see cref="LibraryMounts"/>) is read from that source's checkout and is read-only.
/// </summary>
public sealed class PlaybookLibrary
{
    private readonly TimeProvider clock;
    private readonly LibraryMounts mounts;

    public PlaybookLibrary(ToolkitPaths paths, TimeProvider clock, LibraryMounts mounts)
    {
        this.clock = clock;
        this.mounts = mounts;
        Root = Path.GetFullPath(paths.PlaybooksDirectory);
        BackupRoot = Path.Combine(paths.BackupsDirectory, "playbooks");
        Source = new LibraryPlaybookSource(this, mounts, new FileSystemPlaybookSource(paths.PlaybooksDirectory));
    }

    public const long MaxFileBytes = 1024 * 1024;
    public const int MaxPathLength = 1024;
    /// <summary>The 255 bytes (UTF-8) most file systems allow for one folder or file name.</summary>
    public const int MaxSegmentBytes = 255;
    private static readonly string[] Extensions = [".yaml", ".yml"];

    public string Root { get; }
    public string BackupRoot { get; }

    /// <summary>Finds nested playbooks (<c>playbook.run</c>) in the library, git sources included (<see cref="LibraryPlaybookSource"/>).</summary>
    public IPlaybookSource Source { get; }

    /// <summary>The git source a path comes from, or null for the local folder.</summary>
    public LibraryMount? MountOf(string relative) => mounts.MountOf(relative);

    /// <summary>Why the path cannot be written (it comes from a git source), or null when it can.</summary>
    public string? ReadOnlyReason(string relative) => MountOf(relative) is { } m
        ? $"playbook '{relative}' comes from the git source '{m.Name}' and is read-only: copy it into the local library to change it"
        : null;

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
        var root = MountOf(relative)?.Root ?? Root;
        if (!full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            return $"path '{path}' escapes the playbook library";
        return null;
    }

    public string FullPath(string relative) => MountOf(relative) is { } m
        ? Path.GetFullPath(Path.Combine(m.Root, relative[(m.Name.Length + 1)..]))
        : Path.GetFullPath(Path.Combine(Root, relative));

    public bool Exists(string relative) => File.Exists(FullPath(relative));

    /// <summary>Every playbook file in the library, the git sources' included (hidden folders skipped), sorted.
    /// A local folder named like a git source is hidden by it.</summary>
    public IReadOnlyList<string> List()
    {
        var local = Files(Root).Where(rel => MountOf(rel) is null);
        var fromGit = mounts.All.SelectMany(m => Files(m.Root).Select(rel => m.Name + "/" + rel));
        return local.Concat(fromGit).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The playbook files under <paramref name="folder"/> (library-relative, "" for all).</summary>
    public IReadOnlyList<string> ListFolder(string folder)
    {
        var prefix = folder.Trim().Trim('/');
        return prefix.Length == 0 ? List() : List().Where(p => p.StartsWith(prefix + "/", StringComparison.Ordinal)).ToList();
    }

    private static IEnumerable<string> Files(string root) => !Directory.Exists(root) ? [] :
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(rel => !rel.Split('/').Any(s => s.StartsWith('.')));

    /// <summary>The first folder of the path (the category), or null at the library root.</summary>
    public static string? CategoryOf(string relative)
    {
        var slash = relative.IndexOf('/');
        return slash > 0 ? relative[..slash] : null;
    }

    /// <summary>The file's text; null when it does not exist. Read synchronously: a playbook is a few kilobytes in the
    /// page cache, and .NET's asynchronous file reads on Linux hop through the thread pool per buffer, which cost more
    /// than the read itself on every start, validation and notification (docs/performance.md).</summary>
    public Task<string?> ReadAsync(string relative, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var full = FullPath(relative);
        try
        {
            return Task.FromResult(File.Exists(full) ? File.ReadAllText(full) : null);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<string?>(null); // removed in between
        }
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

    /// <summary>The path and nested playbooks as a Runner receives them: a git source's playbook travels with paths
    /// relative to its source (the repository is its library, as its authors wrote it); local ones as they are.</summary>
    public (string Path, IReadOnlyDictionary<string, string> Nested) ForRunner(string relative, IReadOnlyDictionary<string, string> nested)
    {
        if (MountOf(relative) is not { } mount) return (relative, nested);
        var prefix = mount.Name + "/";
        var rebased = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (path, text) in nested.Where(n => n.Key.StartsWith(prefix, StringComparison.Ordinal))) rebased[path[prefix.Length..]] = text;
        foreach (var (path, text) in nested.Where(n => !n.Key.StartsWith(prefix, StringComparison.Ordinal))) rebased.TryAdd(path, text);
        return (relative[prefix.Length..], rebased);
    }
}
