using System.Runtime.InteropServices;
using IgnitionToolkit.Cli.Tests.Support;
using IgnitionToolkit.Testing;

namespace IgnitionToolkit.Cli.Tests.Package;

/// <summary>The tool as a user gets it: packed (as <c>make pack</c> does: a pointer package, a ReadyToRun package for
/// linux-x64 and a portable one for every other platform), installed with <c>dotnet tool install</c> into a temporary
/// tool path from the package folder, then run as <c>ignition-toolkit</c>.</summary>
[Trait("Category", "Functional")]
public sealed class ToolPackageTests : IDisposable
{
    private static readonly TimeSpan Generous = TimeSpan.FromMinutes(10);
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task Packed_tool_installs_shows_help_and_runs_a_playbook()
    {
        var feed = Path.Combine(_folder.Path, "feed");
        var tools = Path.Combine(_folder.Path, "tools");
        var version = (await File.ReadAllTextAsync(Path.Combine(RepositoryLayout.Root, "VERSION"))).Trim();
        // The package cache is private, so a package left by an earlier run of the same version is never reused.
        var environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(_folder.Path, "nuget") };
        await File.WriteAllTextAsync(Path.Combine(_folder.Path, "nuget.config"),
            """<configuration><packageSources><clear /></packageSources></configuration>""");

        // Built as make pack builds it: the per-platform packages are published (ReadyToRun for linux-x64) while packing,
        // into their own folders. No restore: the solution's restore already covers both platforms, and one here would
        // rewrite files that tests running beside this one (dotnet run of the docs' examples) read.
        var pack = await ShellCommand.RunAsync(
            $"dotnet pack IgnitionToolkit.Cli -c {RepositoryLayout.Configuration} --no-restore -o '{feed}' -nologo",
            RepositoryLayout.Root, Generous * 2); // two publishes, one with crossgen: minutes on a busy machine
        Assert.True(pack.ExitCode == 0, pack.Output);
        foreach (var package in new[] { "ignition-toolkit", "ignition-toolkit.linux-x64", "ignition-toolkit.any" })
            Assert.True(File.Exists(Path.Combine(feed, $"{package}.{version}.nupkg")), $"{package} is missing:\n{pack.Output}");

        var install = await ShellCommand.RunAsync(
            $"dotnet tool install --tool-path '{tools}' --configfile '{_folder.Path}/nuget.config' --add-source '{feed}' ignition-toolkit --version {version}",
            _folder.Path, Generous, environment);
        Assert.True(install.ExitCode == 0, install.Output);
        // This machine gets its platform's precompiled package; any other platform gets the portable one.
        var expected = RuntimeInformation.RuntimeIdentifier == "linux-x64" ? "ignition-toolkit.linux-x64" : "ignition-toolkit.any";
        Assert.True(Directory.Exists(Path.Combine(tools, ".store", "ignition-toolkit", version, expected)),
            $"{expected} was not installed: {string.Join(", ", Directory.GetDirectories(Path.Combine(tools, ".store", "ignition-toolkit", version)).Select(Path.GetFileName))}");

        var tool = Path.Combine(tools, "ignition-toolkit");
        var help = await ShellCommand.RunAsync($"'{tool}' --help", _folder.Path, Generous);
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("run", help.Output);
        Assert.Contains("validate", help.Output);

        var playbook = _folder.Write("hello.yaml", """
            name: hello
            version: "1.0"
            steps:
              - id: greet
                name: Greet
                type: utility.log
                parameters:
                  message: "Hello from the tool"
            """);
        var run = await ShellCommand.RunAsync($"'{tool}' run '{playbook}'", _folder.Path, Generous,
            new Dictionary<string, string> { ["Toolkit__DataDirectory"] = Path.Combine(_folder.Path, "data") });
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("Hello from the tool", run.Output);
        Assert.Matches(@"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z Execution completed", run.Output); // not a terminal: timestamped lines
    }

    public void Dispose() => _folder.Dispose();
}
