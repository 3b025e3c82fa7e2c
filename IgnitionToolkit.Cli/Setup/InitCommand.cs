using System.Reflection;
using IgnitionToolkit.Cli.CommandLine;
using IgnitionToolkit.Core.Configuration;
using IgnitionToolkit.Hosting.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IgnitionToolkit.Cli.Setup;

/// <summary><c>init</c>: creates the data folder (playbooks, plugins, artifacts), the vault key (as the API: <see cref="VaultKeyRing"/>)
/// and, in an empty playbook library, the sample playbooks. Safe to run again: nothing existing is replaced.</summary>
public sealed class InitCommand(CliContext context)
{
    private const string SamplePrefix = "samples/";

    public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        var paths = context.Services.GetRequiredService<ToolkitPaths>().EnsureCreated();
        await context.Output.WriteLineAsync($"data folder: {paths.DataDirectory}");
        await context.Output.WriteLineAsync($"playbooks:   {paths.PlaybooksDirectory}");

        var keyExisted = File.Exists(VaultKeyRing.KeyFile(paths));
        try
        {
            var ring = VaultKeyRing.Load(context.Services.GetRequiredService<IConfiguration>(), paths);
            await context.Output.WriteLineAsync($"vault key:   {ring.Source}{(ring.FromFile && !keyExisted ? " (created)" : "")}");
        }
        catch (VaultKeyException ex)
        {
            await context.Error.WriteLineAsync($"error: {ex.Message}");
            return ExitCodes.InvalidInput;
        }

        var library = paths.PlaybooksDirectory;
        if (Directory.EnumerateFiles(library, "*.y*ml", SearchOption.AllDirectories).Any())
        {
            await context.Output.WriteLineAsync("samples:     the playbook library is not empty; no samples written");
            return ExitCodes.Success;
        }
        var assembly = typeof(InitCommand).Assembly;
        string? first = null;
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(SamplePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var target = Path.Combine(library, "samples", resource[SamplePrefix.Length..]);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            await using (var stream = assembly.GetManifestResourceStream(resource)!)
            await using (var file = File.Create(target))
            {
                await stream.CopyToAsync(file, cancellationToken);
            }
            await context.Output.WriteLineAsync($"sample:      {target}");
            first ??= target;
        }
        if (first is not null) await context.Output.WriteLineAsync($"next: ignition-toolkit run {first}");
        return ExitCodes.Success;
    }
}
