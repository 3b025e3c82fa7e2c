namespace IgnitionToolkit.AppHost.Tests.Infrastructure;

/// <summary>Files of the checkout the tests were built from.</summary>
public static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "IgnitionToolkit.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"No IgnitionToolkit.slnx above {AppContext.BaseDirectory}");
    }
}
