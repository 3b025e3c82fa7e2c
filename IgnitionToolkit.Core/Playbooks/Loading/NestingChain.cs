namespace IgnitionToolkit.Core.Playbooks.Loading;

/// <summary>The playbooks being loaded, from the top level down to the current one.</summary>
/// <param name="Paths">Paths as loaded, top level first.</param>
/// <param name="RootCanonical">The top-level file's canonical path in the source, when it differs from how it was named.</param>
internal sealed record NestingChain(IReadOnlyList<string> Paths, string? RootCanonical)
{
    /// <summary>Children already loaded in this validation, by chain and path: a playbook that runs the same
    /// child many times (or a fan-out over several levels) loads and reports it once.</summary>
    public Dictionary<string, PlaybookLoadResult> Loaded { get; init; } = new(StringComparer.Ordinal);

    public string Current => Paths[^1];

    /// <summary>Nesting depth of <see cref="Current"/> (0 for the top level).</summary>
    public int Depth => Paths.Count - 1;

    public bool Contains(string path) => Paths.Contains(path) || path == RootCanonical;

    public NestingChain Append(string path) => this with { Paths = [.. Paths, path] };

    public override string ToString() => string.Join(" → ", Paths);
}
