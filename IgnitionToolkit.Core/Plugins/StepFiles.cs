namespace IgnitionToolkit.Core.Plugins;

/// <summary>Finds files named by step parameters (absolute, relative to the working folder or to the playbook's folder);
/// shared by the plugins that read files (module upload, project import, browser file upload, report screenshots).</summary>
public static class StepFiles
{
    /// <summary>The file named by the string parameter <paramref name="parameter"/>.</summary>
    public static string Resolve(StepContext context, string parameter) => Resolve(context, parameter, context.GetRequiredString(parameter));

    /// <summary>The file (or, with <paramref name="folder"/>, the folder) <paramref name="value"/>, named in <paramref name="parameter"/>.</summary>
    public static string Resolve(StepContext context, string parameter, string value, bool folder = false)
    {
        value = value.Trim();
        if (value.Length == 0) throw new StepParameterException(parameter, $"parameter '{parameter}' is empty");
        var candidates = new List<string> { Path.GetFullPath(value) };
        var playbookDir = string.IsNullOrEmpty(context.Host.PlaybookPath) ? null : Path.GetDirectoryName(Path.GetFullPath(context.Host.PlaybookPath));
        if (!Path.IsPathRooted(value) && playbookDir is not null) candidates.Add(Path.Combine(playbookDir, value));
        return candidates.FirstOrDefault(folder ? Directory.Exists : File.Exists)
            ?? throw new StepParameterException(parameter, $"{(folder ? "folder" : "file")} '{value}' not found");
    }
}
