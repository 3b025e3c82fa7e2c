using IgnitionToolkit.Testing.Engine;
using IgnitionToolkit.Core.Playbooks;
using IgnitionToolkit.Core.Tests.Playbooks.Fakes;
using static IgnitionToolkit.Core.Tests.Playbooks.LoaderTestKit;

namespace IgnitionToolkit.Core.Tests.Playbooks;

public sealed class PlaybookMigratorTests : IDisposable
{
    private static readonly TestCatalog Catalog = new();
    private static readonly PlaybookMigrator Migrator = new(Catalog);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "pbmig-" + Guid.NewGuid().ToString("N"));

    private const string V2 = """
        # my old playbook
        name: old
        version: "1.0"
        steps:
          - id: nap   # short break
            type: utility.sleep
            parameters:
              seconds: 2
          - id: shot
            type: "browser.screenshot"
            parameters:
              path: after.png   # keep this name
          - id: click
            type: browser.click
            parameters: {selector: "#go", timeout: 5000}
          - id: say
            type: utility.log
            parameters:
              message: "{{ variable.shot.path }}"
            retry:
              max_attempts: 3
        """;

    public PlaybookMigratorTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Migration_renames_types_and_parameters_keeping_comments_and_layout()
    {
        var (text, changes) = Migrator.Migrate(Normalize(V2), "old.yaml");
        Assert.Equal(Normalize("""
            # my old playbook
            name: old
            version: "1.0"
            steps:
              - id: nap   # short break
                type: utility.wait
                parameters:
                  seconds: 2
              - id: shot
                type: "perspective.screenshot"
                parameters:
                  name: after.png   # keep this name
              - id: click
                type: perspective.click
                parameters: {selector: "#go", timeout: 5}
              - id: say
                type: utility.log
                parameters:
                  message: "{{ step.shot.path }}"
                retry:
                  max_attempts: 3
            """), text);
        Assert.Equal(
        [
            "6: step 'nap': type 'utility.sleep' → 'utility.wait'",
            "10: step 'shot': type 'browser.screenshot' → 'perspective.screenshot'",
            "12: step 'shot': parameter 'path' → 'name'",
            "14: step 'click': type 'browser.click' → 'perspective.click'",
            "15: step 'click': parameter 'timeout' 5000 → 5 (converted for v3)",
            "19: step 'say': step results read as {{ variable.<step id>... }} now use {{ step.<step id>... }}",
            "20: step 'say': review: 'retry:' is not a playbook field (it was ignored); use retry_count and retry_delay",
        ], changes.Select(c => $"{c.Line}: {c.Description}"));
        var reloaded = Load(text);
        AssertValid(reloaded);
        Assert.DoesNotContain(reloaded.Warnings, w => w.Message.Contains("deprecated", StringComparison.Ordinal));
    }

    [Fact]
    public void Migrating_a_v3_playbook_changes_nothing()
    {
        const string v3 = "name: new\nversion: '1'\nsteps:\n  - {id: w, type: utility.wait}\n";
        var (text, changes) = Migrator.Migrate(v3, "new.yaml");
        Assert.Equal(v3, text);
        Assert.Empty(changes);
    }

    [Fact]
    public void Migrate_file_keeps_a_backup_and_dry_run_touches_nothing()
    {
        var path = Path.Combine(_folder, "old.yaml");
        File.WriteAllText(path, Normalize(V2));

        var dry = Migrator.MigrateFile(path, dryRun: true);
        Assert.True(dry.Changed);
        Assert.Null(dry.BackupPath);
        Assert.Equal(Normalize(V2), File.ReadAllText(path));
        Assert.False(File.Exists(path + ".v2.bak"));

        var report = Migrator.MigrateFile(path, dryRun: false);
        Assert.True(report.Changed);
        Assert.Equal(path + ".v2.bak", report.BackupPath);
        Assert.Equal(Normalize(V2), File.ReadAllText(path + ".v2.bak"));
        Assert.Contains("type: utility.wait", File.ReadAllText(path));
        Assert.Equal(7, report.Changes.Count);
        Assert.DoesNotContain(report.Problems, p => p.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void Missing_file_is_reported_as_a_problem()
    {
        var report = Migrator.MigrateFile(Path.Combine(_folder, "none.yaml"), dryRun: false);
        Assert.False(report.Changed);
        Assert.Equal("file not found", Assert.Single(report.Problems).Message);
    }

    [OriginalPlaybooksTheory]
    [MemberData(nameof(OriginalPlaybooks.Files), MemberType = typeof(OriginalPlaybooks))]
    public void Original_v2_playbooks_migrate_to_text_without_deprecated_names(string relativePath)
    {
        var original = File.ReadAllText(Path.Combine(OriginalPlaybooks.Folder!, relativePath));
        var (text, _) = Migrator.Migrate(original, relativePath);

        var deprecated = Catalog.Descriptors.SelectMany(d => d.AliasList).Select(a => a.Name).ToList();
        var lines = text.Split('\n');
        Assert.DoesNotContain(lines, line => deprecated.Any(name => line.Trim().Trim('"', '\'') == "type: " + name
            || line.TrimEnd().EndsWith("type: " + name, StringComparison.Ordinal)));
        Assert.Equal(original.Split('\n').Count(l => l.TrimStart().StartsWith('#')), lines.Count(l => l.TrimStart().StartsWith('#')));

        var migrated = Loader().Load(text, relativePath);
        Assert.DoesNotContain(migrated.Warnings, w => w.Message.Contains("deprecated", StringComparison.Ordinal));
    }

    [OriginalPlaybooksTheory]
    [MemberData(nameof(OriginalPlaybooks.Files), MemberType = typeof(OriginalPlaybooks))]
    public void Original_v2_playbooks_fail_only_on_step_types_not_in_the_catalogue(string relativePath)
    {
        var original = File.ReadAllText(Path.Combine(OriginalPlaybooks.Folder!, relativePath));
        var result = Loader().Load(original, relativePath);
        Assert.NotNull(result.Playbook);
        Assert.All(result.Errors, e => Assert.StartsWith("unknown step type", e.Message));
    }
}
