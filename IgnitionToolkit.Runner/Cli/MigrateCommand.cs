using IgnitionToolkit.Core.Playbooks;
using Microsoft.Extensions.DependencyInjection;

namespace IgnitionToolkit.Runner.Cli;

/// <summary><c>migrate-playbooks &lt;files or folders...&gt; [--dry-run]</c>: rewrites v2 playbooks to v3 and prints each change.</summary>
public sealed class MigrateCommand(IServiceProvider services, TextWriter output)
{
    public async Task<int> ExecuteAsync(CliArguments arguments, CancellationToken cancellationToken)
    {
        if (arguments.Positional.Count == 0)
        {
            await output.WriteLineAsync("error: migrate-playbooks needs at least one file or folder (see --help)");
            return CliApp.InvalidInput;
        }

        var dryRun = arguments.Has("dry-run");
        var (files, missing) = PlaybookFiles.Expand(arguments.Positional);
        var errors = missing.Count;
        var changed = 0;
        foreach (var path in missing) await output.WriteLineAsync($"{path}: error: file or folder not found");

        var migrator = files.Count > 0 ? services.GetRequiredService<IPlaybookMigrator>() : null;
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
        return errors == 0 ? CliApp.Success : CliApp.InvalidInput;
    }
}
