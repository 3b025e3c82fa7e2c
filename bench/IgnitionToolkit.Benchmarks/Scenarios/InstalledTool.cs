using IgnitionToolkit.Testing;

namespace IgnitionToolkit.Benchmarks.Scenarios;

/// <summary>The command line as users get it: packed as <c>make pack</c> packs it and installed with
/// <c>dotnet tool install</c> into a temporary tool path (on linux-x64 that installs the ReadyToRun package).</summary>
internal sealed class InstalledTool : IDisposable
{
    private readonly string _folder;

    private InstalledTool(string folder, string program) => (_folder, Program) = (folder, program);

    /// <summary>The installed <c>ignition-toolkit</c> executable.</summary>
    public string Program { get; }

    public static async Task<InstalledTool> InstallAsync()
    {
        var folder = Directory.CreateTempSubdirectory("toolkit-bench-tool-").FullName;
        var feed = Path.Combine(folder, "feed");
        var config = Path.Combine(folder, "nuget.config");
        await File.WriteAllTextAsync(config, "<configuration><packageSources><clear /></packageSources></configuration>");
        var version = (await File.ReadAllTextAsync(Path.Combine(RepositoryLayout.Root, "VERSION"))).Trim();
        Console.Error.WriteLine("command line: packing and installing the tool as make pack and dotnet tool install do...");
        await ProcessTiming.TimeAsync("dotnet",
            RepositoryLayout.Root, ["pack", "IgnitionToolkit.Cli", "-c", RepositoryLayout.Configuration, "-nologo", "-o", feed]);
        await ProcessTiming.TimeAsync("dotnet", folder,
            ["tool", "install", "--tool-path", Path.Combine(folder, "tools"), "--configfile", config, "--add-source", feed, "ignition-toolkit", "--version", version]);
        return new InstalledTool(folder, Path.Combine(folder, "tools", "ignition-toolkit"));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
