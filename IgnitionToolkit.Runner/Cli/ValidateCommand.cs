using IgnitionToolkit.Core.Configuration;
using IgnitionToolkit.Core.Playbooks;
using IgnitionToolkit.Runner.Playbooks;
using Microsoft.Extensions.DependencyInjection;

namespace IgnitionToolkit.Runner.Cli;

/// <summary><c>validate &lt;files or folders...&gt;</c>: prints every diagnostic and "N files, N errors, N warnings".</summary>
public sealed class ValidateCommand(IServiceProvider services, TextWriter output)
{
    public async Task<int> ExecuteAsync(CliArguments arguments, CancellationToken cancellationToken)
    {
        if (arguments.Positional.Count == 0)
        {
            await output.WriteLineAsync("error: validate needs at least one file or folder (see --help)");
            return CliApp.InvalidInput;
        }

        var (files, missing) = PlaybookFiles.Expand(arguments.Positional);
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
        return errors == 0 ? CliApp.Success : CliApp.InvalidInput;
    }
}
