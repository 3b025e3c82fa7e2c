using IgnitionToolkit.Core.Plugins;

namespace IgnitionToolkit.Plugins.Gateway.Steps;

/// <summary>Finds files named by step parameters (absolute, relative to the working folder or to the playbook's folder).</summary>
internal static class StepFiles
{
    public static string Resolve(StepContext context, string parameter)
    {
        var value = context.GetRequiredString(parameter).Trim();
        if (value.Length == 0) throw new StepParameterException(parameter, $"parameter '{parameter}' is empty");
        var candidates = new List<string> { Path.GetFullPath(value) };
        var playbookDir = string.IsNullOrEmpty(context.Host.PlaybookPath) ? null : Path.GetDirectoryName(Path.GetFullPath(context.Host.PlaybookPath));
        if (!Path.IsPathRooted(value) && playbookDir is not null) candidates.Add(Path.Combine(playbookDir, value));
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new StepParameterException(parameter, $"file '{value}' not found");
    }
}
