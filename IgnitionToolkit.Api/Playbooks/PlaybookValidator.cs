using IgnitionToolkit.Core.Playbooks;

namespace IgnitionToolkit.Api.Playbooks;

/// <summary>Loads and validates playbook text against the step catalogue, resolving nested playbooks in the library.</summary>
public sealed class PlaybookValidator(IPlaybookLoader loader, PlaybookLibrary library)
{
    public PlaybookLoadResult Validate(string yaml, string path) => loader.Load(yaml, path, library.Source);

    /// <summary>Splices edited pending steps into <paramref name="yaml"/> and validates the result (edit while paused).</summary>
    public PendingStepsEdit EditPendingSteps(string yaml, string path, int fromIndex, string stepsYaml, string editorName) =>
        PendingStepsText.Apply(loader, yaml, path, fromIndex, stepsYaml, editorName, library.Source);

    /// <summary>Reads and validates a library file; null when it does not exist.</summary>
    public async Task<(string Yaml, PlaybookLoadResult Result)?> LoadFileAsync(string relative, CancellationToken cancellationToken)
    {
        var yaml = await library.ReadAsync(relative, cancellationToken);
        return yaml is null ? null : (yaml, Validate(yaml, relative));
    }
}
