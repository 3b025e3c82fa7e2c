using IgnitionToolkit.Core.Configuration;

using Xunit;

namespace IgnitionToolkit.Testing.Engine;

/// <summary>The v2 playbooks in <c>../shared/reference/original-playbooks/</c> (next to the repository), when present.</summary>
public static class OriginalPlaybooks
{
    public static string? Folder
    {
        get
        {
            var repo = ToolkitPaths.FindRepositoryRoot(AppContext.BaseDirectory);
            var folder = repo is null ? null : Path.GetFullPath(Path.Combine(repo, "..", "shared", "reference", "original-playbooks"));
            return folder is not null && Directory.Exists(folder) ? folder : null;
        }
    }

    public const string AbsentMessage =
        "skipped: ../shared/reference/original-playbooks/ (the v2 reference playbooks) is not present next to this checkout";

    /// <summary>The folder of one category (<c>gateway</c>, <c>ai</c>...), or null when absent.</summary>
    public static string? Category(string name) => Folder is { } folder ? Path.Combine(folder, name) : null;

    public static IEnumerable<object[]> Files() =>
        Folder is { } folder
            ? Directory.EnumerateFiles(folder, "*.yaml", SearchOption.AllDirectories).Order()
                .Select(f => new object[] { Path.GetRelativePath(folder, f) })
            : [["(absent)"]];
}

/// <summary>A theory over the original v2 playbooks, skipped with a clear message when they are absent.</summary>
public sealed class OriginalPlaybooksTheoryAttribute : TheoryAttribute
{
    public OriginalPlaybooksTheoryAttribute()
    {
        if (OriginalPlaybooks.Folder is null) Skip = OriginalPlaybooks.AbsentMessage;
    }
}

/// <summary>A fact over the original v2 playbooks, skipped with a clear message when they are absent.</summary>
public sealed class OriginalPlaybooksFactAttribute : FactAttribute
{
    public OriginalPlaybooksFactAttribute()
    {
        if (OriginalPlaybooks.Folder is null) Skip = OriginalPlaybooks.AbsentMessage;
    }
}

/// <summary>The v5 reference playbooks in <c>../shared/reference/original-playbooks-v5/</c> (never copied into the repository).</summary>
public static class OriginalV5Playbooks
{
    public static string? Folder
    {
        get
        {
            var repo = ToolkitPaths.FindRepositoryRoot(AppContext.BaseDirectory);
            var folder = repo is null ? null : Path.GetFullPath(Path.Combine(repo, "..", "shared", "reference", "original-playbooks-v5"));
            return folder is not null && Directory.Exists(folder) ? folder : null;
        }
    }

    public const string AbsentMessage =
        "skipped: ../shared/reference/original-playbooks-v5/ (the v5 reference playbooks) is not present next to this checkout";

    public static string Read(string file) => File.ReadAllText(Path.Combine(Folder!, file));
}

/// <summary>A fact over the v5 reference playbooks, skipped with a clear message when they are absent.</summary>
public sealed class OriginalV5PlaybooksFactAttribute : FactAttribute
{
    public OriginalV5PlaybooksFactAttribute()
    {
        if (OriginalV5Playbooks.Folder is null) Skip = OriginalV5Playbooks.AbsentMessage;
    }
}
