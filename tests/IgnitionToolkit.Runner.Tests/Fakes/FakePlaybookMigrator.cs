using IgnitionToolkit.Core.Playbooks;

namespace IgnitionToolkit.Runner.Tests.Fakes;

/// <summary>TEST FAKE — stands in for the real <c>PlaybookMigrator</c>: renames <c>utility.sleep</c> to <c>utility.wait</c>.</summary>
public sealed class FakePlaybookMigrator : IPlaybookMigrator
{
    public (string Text, IReadOnlyList<MigrationChange> Changes) Migrate(string yaml, string sourcePath)
    {
        var lines = yaml.Split('\n');
        var changes = new List<MigrationChange>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].Contains("utility.sleep", StringComparison.Ordinal)) continue;
            lines[i] = lines[i].Replace("utility.sleep", "utility.wait", StringComparison.Ordinal);
            changes.Add(new MigrationChange(i + 1, "step type utility.sleep -> utility.wait"));
        }
        return (string.Join('\n', lines), changes);
    }

    public MigrationReport MigrateFile(string path, bool dryRun)
    {
        var (text, changes) = Migrate(File.ReadAllText(path), path);
        string? backup = null;
        if (changes.Count > 0 && !dryRun)
        {
            backup = path + ".v2.bak";
            File.Copy(path, backup, overwrite: true);
            File.WriteAllText(path, text);
        }
        return new MigrationReport(path, changes.Count > 0, backup, changes, []);
    }
}
