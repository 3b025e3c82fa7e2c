using IgnitionToolkit.Hosting.Playbooks;
using System.Text.Json;
using IgnitionToolkit.Core.Configuration;
using IgnitionToolkit.Core.Execution;
using IgnitionToolkit.Core.Playbooks;
using IgnitionToolkit.Core.Security;
using IgnitionToolkit.Contracts.Bus;

namespace IgnitionToolkit.Runner.Execution;

/// <summary>Turns a <see cref="StartExecution"/> into an <see cref="ExecutionRequest"/>: parses and validates the
/// playbook (nested playbooks from the message), opens the encrypted credentials (<see cref="CredentialUnsealer"/>: they fill
/// parameters taken from a credential and feed <c>{{ credential.name.field }}</c>), types the parameters
/// (<see cref="PlaybookParameterBinder"/>), picks the artifacts folder.</summary>
public sealed class ExecutionRequestFactory(IPlaybookLoader loader, ToolkitPaths paths, CredentialTransport? transport = null)
{
    private readonly CredentialUnsealer _credentials = new(transport ?? new CredentialTransport(null));

    /// <summary>The request, or null with <paramref name="error"/> saying what is wrong with the message.</summary>
    public ExecutionRequest? Create(StartExecution message, out string? error)
    {
        Dictionary<string, object?> given;
        try
        {
            given = JsonValues.ParseObject(message.ParametersJson);
        }
        catch (JsonException ex)
        {
            error = $"parameters: invalid JSON: {ex.Message}";
            return null;
        }

        var credentials = _credentials.Open(message, out error);
        if (credentials is null) return null;
        foreach (var (name, value) in credentials.Parameters) given.TryAdd(name, value);

        var source = new InMemoryPlaybookSource(message.NestedPlaybooks ?? new Dictionary<string, string>());
        var loaded = loader.Load(message.PlaybookYaml ?? "", message.PlaybookPath, source);
        if (!loaded.IsValid || loaded.Playbook is null)
        {
            var errors = loaded.Errors.Select(d => d.ToString()).ToList();
            error = errors.Count > 0
                ? "playbook is invalid:\n" + string.Join('\n', errors)
                : $"{message.PlaybookPath}: playbook could not be read";
            return null;
        }

        // Typed and defaulted here so the request carries plain values; the engine reports any binding error.
        var parameters = PlaybookParameterBinder.Bind(loaded.Playbook, given).Values;
        ResumePoint? resume;
        try
        {
            resume = message.Resume is { } r ? new ResumePoint(r.ResumedFromId, r.StartAtStepId, JsonValues.ParseObject(r.VariablesJson),
                r.StepOutputsJson.ToDictionary(o => o.Key, o => (IReadOnlyDictionary<string, object?>)JsonValues.ParseObject(o.Value), StringComparer.Ordinal)) : null;
        }
        catch (JsonException ex)
        {
            error = $"resume: invalid JSON: {ex.Message}";
            return null;
        }
        var artifacts = Path.Combine(paths.ArtifactsDirectory, message.ExecutionId.ToString());
        Directory.CreateDirectory(artifacts);
        error = null;
        return new ExecutionRequest(message.ExecutionId, loaded.Playbook, parameters, message.DebugMode)
        {
            ArtifactDirectory = artifacts,
            Credentials = credentials.Credentials,
            PlaybookSource = source,
            Resume = resume,
            TimeoutOverrides = message.TimeoutOverrides ?? new Dictionary<string, double>(),
        };
    }
}
