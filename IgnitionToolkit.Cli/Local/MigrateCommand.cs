using IgnitionToolkit.Core.Playbooks;
using IgnitionToolkit.Cli.CommandLine;
using Microsoft.Extensions.DependencyInjection;

namespace IgnitionToolkit.Cli.Local;

/// <summary><c>migrate-playbooks &lt;files or folders...&gt; [--dry-run]</c>: rewrites v2 playbooks to v3 and prints each change.</summary>
public sealed class MigrateCommand(CliContext context)
{
    public async Task<int> ExecuteAsync(IReadOnlyList<string> paths, bool dryRun, CancellationToken cancellationToken)
    {
        var output = context.Output;
        var (files, missing) = PlaybookFiles.Expand(paths);
        var errors = missing.Count;
        var changed = 0;
        foreach (var path in missing) await output.WriteLineAsync($"{path}: error: file or folder not found");

        var migrator = files.Count > 0 ? context.Services.GetRequiredService<IPlaybookMigrator>() : null;
        foreach (var (file, _) in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var report = migrator!.MigrateFile(file, dryRun);
            var display = PlaybookFiles.Display(file);
            if (report.Changed)
            {
                changed++;
                var note = dryRun ? " (dry run: not written)" : report.BackupPath is null ? "" : $" (backup: {PlaybookFiles.Display(report.BackupPath)})";
                await output.WriteLineAsync($"{display}: {report.Changes.Count} change(s){note}");
                foreach (var change in report.Changes)
                    await output.WriteLineAsync($"  {display}:{change.Line}: {change.Description}");
            }
            else
            {
                await output.WriteLineAsync($"{display}: up to date");
            }
            foreach (var problem in report.Problems) await output.WriteLineAsync(problem.ToString());
            errors += report.Problems.Count(p => p.Severity == DiagnosticSeverity.Error);
        }

        await output.WriteLineAsync($"{files.Count} files, {changed} {(dryRun ? "would change" : "changed")}, {errors} errors");
        return errors == 0 ? ExitCodes.Success : ExitCodes.InvalidInput;
    }
}
