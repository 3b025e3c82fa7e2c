using IgnitionToolkit.Core.Playbooks.Yaml;
using IgnitionToolkit.Core.Plugins;

namespace IgnitionToolkit.Core.Playbooks.Loading;

/// <summary>A playbook as read from YAML, before step types and references are checked.</summary>
internal sealed class PlaybookDraft
{
    public string Name { get; set; } = "";
    public string Version { get; set; } = "";
    public string? Description { get; set; }
    public List<PlaybookParameter> Parameters { get; } = [];
    public Dictionary<string, object?> Metadata { get; set; } = new(StringComparer.Ordinal);
    public ResumePolicy Resume { get; set; } = ResumePolicy.Manual;
    public List<StepDraft> Steps { get; } = [];
}

/// <summary>One step as read from YAML, with the nodes needed to point at its fields.</summary>
internal sealed class StepDraft
{
    public required int Index { get; init; }
    public required YamlValueNode Node { get; init; }
    public string Field => $"steps[{Index}]";
    public string Id { get; set; } = "";
    public string? Name { get; set; }
    public string WrittenType { get; set; } = "";
    public YamlValueNode? TypeNode { get; set; }
    public YamlValueNode? ParametersNode { get; set; }
    public Dictionary<string, object?> Parameters { get; set; } = new(StringComparer.Ordinal);
    /// <summary>Value node of each parameter, by (canonical) parameter name.</summary>
    public Dictionary<string, YamlValueNode> ParameterNodes { get; set; } = new(StringComparer.Ordinal);
    /// <summary>Key node of each parameter, by (canonical) parameter name.</summary>
    public Dictionary<string, YamlValueNode> ParameterKeyNodes { get; set; } = new(StringComparer.Ordinal);
    public FailureAction OnFailure { get; set; } = FailureAction.Abort;
    public TimeSpan Timeout { get; set; } = PlaybookStep.DefaultTimeout;
    public int RetryCount { get; set; }
    public TimeSpan RetryDelay { get; set; } = PlaybookStep.DefaultRetryDelay;

    /// <summary>Set once the type is resolved: the canonical descriptor (null when unknown).</summary>
    public StepTypeDescriptor? Descriptor { get; set; }
    public string CanonicalType { get; set; } = "";

    public SourceLocation ParameterLocation(string name, string file) =>
        ParameterNodes.TryGetValue(name, out var node) ? node.Location(file)
        : (ParametersNode ?? Node).Location(file);
}
