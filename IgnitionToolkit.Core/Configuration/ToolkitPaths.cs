namespace IgnitionToolkit.Core.Configuration;

/// <summary>
/// Resolves the toolkit's folders from configuration, never from the working directory.
/// Settings (any may be given; relative values are relative to <see cref="DataDirectory"/>'s parent for data,
/// and absolute otherwise):
/// <c>Toolkit:DataDirectory</c> (default: <c>&lt;repo&gt;/data</c> when running from a checkout, else
/// <c>$XDG_DATA_HOME/ignition-toolkit</c> or <c>~/.local/share/ignition-toolkit</c>),
/// <c>Toolkit:PlaybooksDirectory</c> (default: <c>&lt;repo&gt;/playbooks</c> in a checkout, else <c>&lt;data&gt;/playbooks</c>),
/// <c>Toolkit:PluginsDirectory</c> (default: <c>&lt;data&gt;/plugins</c>).
/// </summary>
public sealed record ToolkitPaths(string DataDirectory, string PlaybooksDirectory, string PluginsDirectory)
{
    public const string Section = "Toolkit";

    public string ArtifactsDirectory => Path.Combine(DataDirectory, "artifacts");
    public string BackupsDirectory => Path.Combine(DataDirectory, "backups");

    /// <summary>Resolves the paths from <paramref name="settings"/> (a lookup of <c>Toolkit:*</c> keys).</summary>
    public static ToolkitPaths Resolve(Func<string, string?> settings, string? baseDirectory = null)
    {
        var repoRoot = FindRepositoryRoot(baseDirectory ?? AppContext.BaseDirectory);
        var data = Absolute(settings($"{Section}:DataDirectory"))
            ?? (repoRoot is not null ? Path.Combine(repoRoot, "data") : DefaultUserDataDirectory());
        var playbooks = Absolute(settings($"{Section}:PlaybooksDirectory"))
            ?? (repoRoot is not null ? Path.Combine(repoRoot, "playbooks") : Path.Combine(data, "playbooks"));
        var plugins = Absolute(settings($"{Section}:PluginsDirectory")) ?? Path.Combine(data, "plugins");
        return new ToolkitPaths(data, playbooks, plugins);
    }

    /// <summary>Creates the folders that must exist.</summary>
    public ToolkitPaths EnsureCreated()
    {
        Directory.CreateDirectory(DataDirectory);
        Directory.CreateDirectory(PlaybooksDirectory);
        Directory.CreateDirectory(PluginsDirectory);
        Directory.CreateDirectory(ArtifactsDirectory);
        return this;
    }

    /// <summary>The checkout this binary was built from: the nearest ancestor holding both <c>VERSION</c> and <c>IgnitionToolkit.slnx</c>.</summary>
    public static string? FindRepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "VERSION")) && File.Exists(Path.Combine(dir.FullName, "IgnitionToolkit.slnx")))
                return dir.FullName;
        }
        return null;
    }

    private static string? Absolute(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var expanded = value.StartsWith('~')
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), value.TrimStart('~', '/'))
            : value;
        return Path.GetFullPath(expanded);
    }

    private static string DefaultUserDataDirectory()
    {
        var xdg = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        var root = string.IsNullOrWhiteSpace(xdg)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share")
            : xdg;
        return Path.Combine(root, "ignition-toolkit");
    }
}
