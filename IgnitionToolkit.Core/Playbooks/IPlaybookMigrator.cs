namespace IgnitionToolkit.Core.Playbooks;

/// <summary>One change made (or to be made) to a playbook file by the migration tool.</summary>
public sealed record MigrationChange(int Line, string Description);

public sealed record MigrationReport(string Path, bool Changed, string? BackupPath, IReadOnlyList<MigrationChange> Changes, IReadOnlyList<PlaybookDiagnostic> Problems);

/// <summary>Rewrites v2 playbooks to v3 step names and parameters (<c>migrate-playbooks</c>).</summary>
public interface IPlaybookMigrator
{
    /// <summary>Returns the migrated text and the changes, without touching disk.</summary>
    (string Text, IReadOnlyList<MigrationChange> Changes) Migrate(string yaml, string sourcePath);

    /// <summary>Migrates a file in place, keeping a backup next to it (<c>.v2.bak</c>) unless <paramref name="dryRun"/>.</summary>
    MigrationReport MigrateFile(string path, bool dryRun);
}
