using System.Text.Json;
using IgnitionToolkit.Core.Configuration;
using IgnitionToolkit.Core.Execution;
using IgnitionToolkit.Core.Messaging;
using IgnitionToolkit.Core.Playbooks;
using IgnitionToolkit.Runner.Playbooks;

namespace IgnitionToolkit.Runner.Execution;

/// <summary>Turns a <see cref="StartExecution"/> into an <see cref="ExecutionRequest"/>: parses and validates the
/// playbook (nested playbooks from the message), reads the parameters with their types, picks the artifacts folder.</summary>
public sealed class ExecutionRequestFactory(IPlaybookLoader loader, ToolkitPaths paths)
{
    /// <summary>The request, or null with <paramref name="error"/> saying what is wrong with the message.</summary>
    public ExecutionRequest? Create(StartExecution message, out string? error)
    {
        Dictionary<string, object?> parameters;
        try
        {
            parameters = JsonValues.ParseObject(message.ParametersJson);
        }
        catch (JsonException ex)
        {
            error = $"parameters: invalid JSON: {ex.Message}";
            return null;
        }

        var source = new BundlePlaybookSource(message.NestedPlaybooks ?? new Dictionary<string, string>());
        var loaded = loader.Load(message.PlaybookYaml ?? "", message.PlaybookPath, source);
        if (!loaded.IsValid || loaded.Playbook is null)
        {
            var errors = loaded.Errors.Select(d => d.ToString()).ToList();
            error = errors.Count > 0
                ? "playbook is invalid:\n" + string.Join('\n', errors)
                : $"{message.PlaybookPath}: playbook could not be read";
            return null;
        }

        var artifacts = Path.Combine(paths.ArtifactsDirectory, message.ExecutionId.ToString());
        Directory.CreateDirectory(artifacts);
        error = null;
        return new ExecutionRequest(message.ExecutionId, loaded.Playbook, parameters, message.DebugMode)
        {
            ArtifactDirectory = artifacts,
            PlaybookSource = source,
        };
    }
}
