using IgnitionToolkit.Core.Configuration;
using IgnitionToolkit.Core.Plugins;
using Microsoft.Extensions.DependencyInjection;

namespace IgnitionToolkit.Plugins.Perspective.Pages;

/// <summary>Where files a playbook asks to be written go (download_path, fat.export_report output_path): an absolute
/// path as given; a relative one under the toolkit's data folder (the original's <c>./data/...</c> was relative to
/// its install folder), or the working folder where the host has none.</summary>
internal static class OutputPaths
{
    public static string Resolve(StepContext context, string path)
    {
        if (Path.IsPathRooted(path)) return Path.GetFullPath(path);
        var root = context.Services.GetService<ToolkitPaths>()?.DataDirectory ?? Directory.GetCurrentDirectory();
        return Path.GetFullPath(Path.Combine(root, path));
    }
}
