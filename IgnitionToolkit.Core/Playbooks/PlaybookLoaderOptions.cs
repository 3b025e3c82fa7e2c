namespace IgnitionToolkit.Core.Playbooks;

/// <summary>Limits that protect the loader against hostile or accidental huge input.</summary>
public sealed record PlaybookLoaderOptions
{
    /// <summary>Largest playbook file accepted, in bytes (UTF-8). Default 1 MiB.</summary>
    public int MaxFileBytes { get; init; } = 1024 * 1024;

    /// <summary>Most YAML aliases (<c>*name</c>) a file may use. Default 100.</summary>
    public int MaxAliasCount { get; init; } = 100;

    /// <summary>Most YAML nodes a file may hold once aliases are expanded (billion-laughs guard). Default 100,000.</summary>
    public int MaxExpandedNodes { get; init; } = 100_000;

    /// <summary>Deepest nesting of YAML collections. Default 64.</summary>
    public int MaxYamlDepth { get; init; } = 64;

    /// <summary>Deepest chain of nested playbooks (<c>playbook.run</c>) below the top level. Default 3.</summary>
    public int MaxNestingDepth { get; init; } = 3;

    public static PlaybookLoaderOptions Default { get; } = new();
}
