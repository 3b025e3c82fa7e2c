using IgnitionToolkit.Api.Playbooks;
using IgnitionToolkit.Core.Playbooks;
using IgnitionToolkit.Core.Playbooks.Sources;

namespace IgnitionToolkit.Api.Library;

/// <summary>Finds nested playbooks (<c>playbook.run</c>) across the library: a playbook of a git source resolves its
/// children in its own repository first (as its authors wrote them: relative to the source's root, then to its folder),
/// then in the local folder; a local playbook resolves as <see cref="FileSystemPlaybookSource"/> does.</summary>
public sealed class LibraryPlaybookSource(PlaybookLibrary library, LibraryMounts mounts, FileSystemPlaybookSource local) : IPlaybookSource
{
    private static readonly string[] Extensions = [".yaml", ".yml"];

    public PlaybookSourceFile? Find(string reference, string fromPath)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(fromPath);
        if (string.IsNullOrWhiteSpace(reference)) return null;
        var from = fromPath.Replace('\\', '/');
        if (Path.IsPathRooted(fromPath) || mounts.MountOf(from) is not { } mount)
            return local.Find(reference, fromPath) is { } found && mounts.MountOf(found.Path) is null ? found : null;
        var trimmed = reference.Trim().Replace('\\', '/');
        if (!trimmed.StartsWith('/') && !Path.IsPathRooted(trimmed))
        {
            var folder = from.Contains('/') ? from[..from.LastIndexOf('/')] : "";
            foreach (var candidate in new[] { mount.Name + "/" + trimmed, folder + "/" + trimmed })
            {
                foreach (var path in WithExtensions(candidate))
                {
                    if (PlaybookPaths.NormalizeRelative(path) is not { } key || mounts.MountOf(key)?.Name != mount.Name) continue;
                    if (library.TryNormalize(key, out var relative) is null && library.Exists(relative))
                        return new PlaybookSourceFile(relative, File.ReadAllText(library.FullPath(relative)));
                }
            }
        }
        return local.Find(reference, "playbook.yaml") is { } inLocal && mounts.MountOf(inLocal.Path) is null ? inLocal : null;
    }

    private static IEnumerable<string> WithExtensions(string reference)
    {
        yield return reference;
        if (Path.HasExtension(reference)) yield break;
        foreach (var extension in Extensions) yield return reference + extension;
    }
}
