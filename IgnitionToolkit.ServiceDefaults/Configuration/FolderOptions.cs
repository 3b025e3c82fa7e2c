namespace IgnitionToolkit.ServiceDefaults.Configuration;

/// <summary>Section <c>Toolkit</c>: the folders (resolved by <c>ToolkitPaths</c>; relative values are relative to the working directory).</summary>
public sealed class FolderOptions
{
    public const string Section = "Toolkit";

    /// <summary>Data folder: database, artifacts, backups, logs (default <c>&lt;repo&gt;/data</c> in a checkout, else <c>~/.local/share/ignition-toolkit</c>).</summary>
    public string? DataDirectory { get; set; }

    /// <summary>Playbook library (default <c>&lt;repo&gt;/playbooks</c> in a checkout, else <c>&lt;data&gt;/playbooks</c>).</summary>
    public string? PlaybooksDirectory { get; set; }

    /// <summary>Step plugin assemblies (default <c>&lt;data&gt;/plugins</c>).</summary>
    public string? PluginsDirectory { get; set; }

    public static void Rules(FolderOptions o, SettingRules rules) => rules
        .Check(IsPath(o.DataDirectory), $"{Section}:DataDirectory", "must be a valid folder path")
        .Check(IsPath(o.PlaybooksDirectory), $"{Section}:PlaybooksDirectory", "must be a valid folder path")
        .Check(IsPath(o.PluginsDirectory), $"{Section}:PluginsDirectory", "must be a valid folder path");

    private static bool IsPath(string? value) =>
        string.IsNullOrWhiteSpace(value) || value.IndexOfAny(Path.GetInvalidPathChars()) < 0;
}
