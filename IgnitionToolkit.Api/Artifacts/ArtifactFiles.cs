using IgnitionToolkit.Core.Configuration;

namespace IgnitionToolkit.Api.Artifacts;

/// <summary>Where artifact files are: <c>&lt;data&gt;/artifacts/&lt;executionId&gt;/&lt;name&gt;</c>, the folder the Runner writes to
/// (the API and the Runners share the data folder). Paths are built from the API's own data folder and a plain file
/// name, never from a path given by a client or a message.</summary>
public sealed class ArtifactFiles(ToolkitPaths paths)
{
    public string ExecutionFolder(Guid executionId) => Path.Combine(paths.ArtifactsDirectory, executionId.ToString());

    /// <summary>The file of artifact <paramref name="name"/>, or null when the name is not a plain file name.</summary>
    public string? FileOf(Guid executionId, string name)
    {
        if (!IsPlainName(name) || !IsPlainName(Uri.UnescapeDataString(name))) return null; // also "..%2F" left encoded by routing
        var folder = Path.GetFullPath(ExecutionFolder(executionId)) + Path.DirectorySeparatorChar;
        var full = Path.GetFullPath(Path.Combine(folder, name));
        return full.StartsWith(folder, StringComparison.Ordinal) ? full : null;
    }

    private static bool IsPlainName(string name) =>
        !string.IsNullOrWhiteSpace(name) && name is not ("." or "..") && name.IndexOfAny(['/', '\\', '\0']) < 0
        && Path.GetFileName(name) == name && !Path.IsPathRooted(name);

    /// <summary>Deletes the execution's artifact folder; true when something was deleted.</summary>
    public bool DeleteFolder(Guid executionId)
    {
        var folder = ExecutionFolder(executionId);
        if (!Directory.Exists(folder)) return false;
        Directory.Delete(folder, recursive: true);
        return true;
    }
}
