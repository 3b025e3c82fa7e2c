using System.Text.Json.Nodes;
using IgnitionToolkit.Testing;
using IgnitionToolkit.Testing.Engine;

namespace IgnitionToolkit.Functional.Tests;

/// <summary>
/// The v5 reference playbooks as users bring them: they validate with zero errors as written and again after
/// <c>migrate-playbooks</c> (which is idempotent), through the built command line and through the API.
/// </summary>
[Trait("Category", "Functional")]
public sealed class V5PlaybookLibraryTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("v5-library-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [OriginalV5PlaybooksFact]
    public async Task The_v5_playbooks_validate_as_written_and_after_migration_through_the_cli()
    {
        Copy(OriginalV5Playbooks.Folder!, _folder);
        var files = Directory.GetFiles(_folder, "*.yaml", SearchOption.AllDirectories).Length;

        var asWritten = await CliAsync("validate", _folder);
        Assert.True(asWritten.ExitCode == 0, asWritten.Output);
        Assert.Contains($"{files} files, 0 errors", asWritten.Output, StringComparison.Ordinal);

        var migrated = await CliAsync("migrate-playbooks", _folder);
        Assert.True(migrated.ExitCode == 0, migrated.Output);
        Assert.Contains("browser.navigate' → 'perspective.navigate'", migrated.Output, StringComparison.Ordinal); // pure renames are made
        Assert.Contains("(it runs as written)", migrated.Output, StringComparison.Ordinal); // the rest is left alone, with the reason
        Assert.NotEmpty(Directory.GetFiles(_folder, "*.v2.bak", SearchOption.AllDirectories));

        var after = await CliAsync("validate", _folder);
        Assert.True(after.ExitCode == 0, after.Output);
        Assert.Contains($"{files} files, 0 errors", after.Output, StringComparison.Ordinal);
        var again = await CliAsync("migrate-playbooks", _folder);
        Assert.Contains($"{files} files, 0 changed, 0 errors", again.Output, StringComparison.Ordinal);
    }

    [OriginalV5PlaybooksFact]
    public async Task The_v5_playbooks_validate_through_the_api_at_their_library_paths()
    {
        await using var stack = await ToolkitStack.StartAsync(runners: 0);
        var source = OriginalV5Playbooks.Folder!;
        Copy(source, stack.Library); // gateway/module_install.yaml calls gateway/gateway_login.yaml by library path
        foreach (var file in Directory.GetFiles(source, "*.yaml", SearchOption.AllDirectories))
        {
            var path = Path.GetRelativePath(source, file).Replace('\\', '/');
            var detail = JsonNode.Parse(await stack.Http.GetStringAsync($"api/v1/playbooks/{path}"))!;
            var errors = detail["diagnostics"]!.AsArray().Where(d => d!["severity"]!.GetValue<string>() == "error").ToList();
            Assert.True(errors.Count == 0, $"{path}: {string.Join("\n", errors.Select(e => e!.ToJsonString()))}");
            Assert.True(detail["summary"]!["valid"]!.GetValue<bool>(), path);
        }
    }

    private Task<ShellCommand.Result> CliAsync(string verb, string folder) =>
        ShellCommand.RunAsync($"dotnet '{RepositoryLayout.ServiceAssembly("IgnitionToolkit.Runner")}' {verb} '{folder}'", _folder, TimeSpan.FromMinutes(3));

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*.yaml", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}
