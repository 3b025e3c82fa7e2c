using IgnitionToolkit.Core.Configuration;

namespace IgnitionToolkit.Core.Tests.Playbooks;

/// <summary>The v2 playbooks in <c>../shared/reference/original-playbooks/</c> (next to the repository), when present.</summary>
internal static class OriginalPlaybooks
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
