using IgnitionToolkit.Hosting.Playbooks;
using IgnitionToolkit.Core.Configuration;
using IgnitionToolkit.Core.Playbooks;
using IgnitionToolkit.Cli.CommandLine;
using Microsoft.Extensions.DependencyInjection;

namespace IgnitionToolkit.Cli.Local;

/// <summary><c>validate &lt;files or folders...&gt;</c>: prints every diagnostic and "N files, N errors, N warnings".</summary>
public sealed class ValidateCommand(CliContext context)
{
    public async Task<int> ExecuteAsync(IReadOnlyList<string> paths, CancellationToken cancellationToken)
    {
        var output = context.Output;
        var services = context.Services;
        var (files, missing) = PlaybookFiles.Expand(paths);
        var errors = 0;
        var warnings = 0;
        foreach (var path in missing)
        {
            await output.WriteLineAsync($"{path}: error: file or folder not found");
            errors++;
        }

        if (files.Count > 0)
        {
            var loader = services.GetRequiredService<IPlaybookLoader>();
            var library = services.GetRequiredService<ToolkitPaths>().PlaybooksDirectory;
            foreach (var (file, root) in files)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var source = FirstMatchPlaybookSource.ForFile(file, library, root);
                var result = loader.Load(await File.ReadAllTextAsync(file, cancellationToken), PlaybookFiles.Display(file), source);
                foreach (var diagnostic in result.Diagnostics.OrderBy(d => d.Location.Line).ThenBy(d => d.Location.Column))
                {
                    await output.WriteLineAsync(diagnostic.ToString());
                }
                errors += result.Errors.Count();
                warnings += result.Warnings.Count();
                if (result.Playbook is null && !result.Errors.Any())
                {
                    await output.WriteLineAsync($"{PlaybookFiles.Display(file)}: error: playbook could not be read");
                    errors++;
                }
            }
        }

        await output.WriteLineAsync($"{files.Count} files, {errors} errors, {warnings} warnings");
        return errors == 0 ? ExitCodes.Success : ExitCodes.InvalidInput;
    }
}
