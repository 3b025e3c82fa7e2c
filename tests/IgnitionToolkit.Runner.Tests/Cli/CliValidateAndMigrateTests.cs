using TempFolder = IgnitionToolkit.Testing.TempFolder;
using IgnitionToolkit.Runner.Cli;
using IgnitionToolkit.Runner.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace IgnitionToolkit.Runner.Tests.Cli;

/// <summary>`validate` and `migrate-playbooks` over files and folders.</summary>
[Trait("Category", "Unit")]
public sealed class CliValidateAndMigrateTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly ServiceProvider _services;
    private readonly SyncStringWriter _out = new();
    private readonly SyncStringWriter _err = new();

    public CliValidateAndMigrateTests() => _services = ToolkitServices.CliProvider(_folder.Path);

    private Task<int> Run(params string[] args) => new CliApp(_services, _out, _err).RunAsync(args, CancellationToken.None);

    [Fact]
    public async Task Validate_folder_prints_every_error_and_counts_then_exits_2()
    {
        _folder.Write("lib/good.yaml", TestPlaybooks.ThreeLogs);
        _folder.Write("lib/sub/broken.yml", TestPlaybooks.UnknownStepType);
        _folder.Write("lib/notes.txt", "not a playbook");

        var code = await Run("validate", Path.Combine(_folder.Path, "lib"));

        Assert.Equal(2, code);
        var lines = _out.ToString().Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.Contains("broken.yml:6:11: error: steps[0].type: unknown step type 'utility.does_not_exist'", StringComparison.Ordinal));
        Assert.Equal("2 files, 1 errors, 0 warnings", lines[^1]);
    }

    [Fact]
    public async Task Validate_valid_files_exits_0()
    {
        var file = _folder.Write("good.yaml", TestPlaybooks.ThreeLogs);

        Assert.Equal(0, await Run("validate", file));
        Assert.Equal("1 files, 0 errors, 0 warnings", _out.ToString().Trim());
    }

    [Fact]
    public async Task Validate_missing_path_is_an_error()
    {
        Assert.Equal(2, await Run("validate", Path.Combine(_folder.Path, "missing")));
        Assert.Contains("missing: error: file or folder not found", _out.ToString());
    }

    [Fact]
    public async Task Migrate_dry_run_prints_changes_without_writing()
    {
        var v2 = "name: old\nversion: \"1.0\"\nsteps:\n  - id: nap\n    type: utility.sleep\n";
        var file = _folder.Write("old.yaml", v2);

        var code = await Run("migrate-playbooks", file, "--dry-run");

        Assert.Equal(0, code);
        var output = _out.ToString();
        Assert.Contains("old.yaml: 1 change(s) (dry run: not written)", output);
        Assert.Matches(@"old\.yaml:5: .*utility\.wait", output);
        Assert.Contains("1 files, 1 would change, 0 errors", output);
        Assert.Equal(v2, await File.ReadAllTextAsync(file));
    }

    [Fact]
    public async Task Migrate_writes_and_keeps_a_backup()
    {
        var file = _folder.Write("old.yaml", "name: old\nversion: \"1.0\"\nsteps:\n  - id: nap\n    type: utility.sleep\n");

        Assert.Equal(0, await Run("migrate-playbooks", _folder.Path));

        Assert.Contains("type: utility.wait", await File.ReadAllTextAsync(file));
        Assert.True(File.Exists(file + ".v2.bak"));
        Assert.Contains("(backup: ", _out.ToString());
    }

    public void Dispose()
    {
        _services.Dispose();
        _folder.Dispose();
    }
}
