using IgnitionToolkit.Testing;

namespace IgnitionToolkit.Benchmarks.Scenarios;

/// <summary>The command line as users get it: packed as <c>make pack</c> packs it and installed with
/// <c>dotnet tool install</c> into a temporary tool path (on linux-x64 that installs the ReadyToRun package).</summary>
internal sealed class InstalledTool : IDisposable
{
    private readonly TempFolder _folder;

    private InstalledTool(TempFolder folder) => (_folder, Program) = (folder, Path.Combine(folder.Path, "tools", "ignition-toolkit"));

    /// <summary>The installed <c>ignition-toolkit</c> executable.</summary>
    public string Program { get; }

    public static async Task<InstalledTool> InstallAsync()
    {
        var folder = new TempFolder("toolkit-bench-tool-");
        var feed = Path.Combine(folder.Path, "feed");
        var config = folder.Write("nuget.config", "<configuration><packageSources><clear /></packageSources></configuration>");
        var version = (await File.ReadAllTextAsync(Path.Combine(RepositoryLayout.Root, "VERSION"))).Trim();
        Console.Error.WriteLine("command line: packing and installing the tool as make pack and dotnet tool install do...");
        await ProcessTiming.TimeAsync("dotnet",
            RepositoryLayout.Root, ["pack", "IgnitionToolkit.Cli", "-c", RepositoryLayout.Configuration, "-nologo", "-o", feed]);
        await ProcessTiming.TimeAsync("dotnet", folder.Path,
            ["tool", "install", "--tool-path", Path.Combine(folder.Path, "tools"), "--configfile", config, "--add-source", feed, "ignition-toolkit", "--version", version]);
        return new InstalledTool(folder);
    }

    public void Dispose() => _folder.Dispose();
}
