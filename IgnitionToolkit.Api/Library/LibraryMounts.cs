using System.Collections.Immutable;

namespace IgnitionToolkit.Api.Library;

/// <summary>A git source's checked-out playbooks as seen by the library: <c>&lt;Name&gt;/…</c> paths are read from
/// <see cref="Root"/> (the checkout, or its sub-folder) at revision <see cref="Commit"/>.</summary>
public sealed record LibraryMount(string Name, string Root, string? Commit, string? CommitMessage);

/// <summary>The git sources the library shows now (one instance per API process, rebuilt from the database).</summary>
public sealed class LibraryMounts
{
    private ImmutableDictionary<string, LibraryMount> _mounts = ImmutableDictionary.Create<string, LibraryMount>(StringComparer.Ordinal);

    public IReadOnlyCollection<LibraryMount> All => _mounts.Values.OrderBy(m => m.Name, StringComparer.Ordinal).ToList();

    public LibraryMount? Find(string name) => _mounts.GetValueOrDefault(name);

    /// <summary>The mount a library path lies in (its first folder names a git source), or null for the local folder.</summary>
    public LibraryMount? MountOf(string relative)
    {
        var slash = relative.IndexOf('/');
        return slash > 0 ? Find(relative[..slash]) : null;
    }

    public void Set(LibraryMount mount) => ImmutableInterlocked.AddOrUpdate(ref _mounts, mount.Name, mount, (_, _) => mount);

    public void Remove(string name) => ImmutableInterlocked.TryRemove(ref _mounts, name, out _);

    /// <summary>Keeps only <paramref name="names"/> (sources deleted by another API instance go away).</summary>
    public void RetainOnly(IReadOnlySet<string> names)
    {
        foreach (var name in _mounts.Keys.Where(n => !names.Contains(n)).ToList()) Remove(name);
    }
}
