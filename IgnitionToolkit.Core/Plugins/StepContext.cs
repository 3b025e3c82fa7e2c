using Microsoft.Extensions.Logging;

namespace IgnitionToolkit.Core.Plugins;

/// <summary>Everything a step sees while it runs.</summary>
public sealed class StepContext
{
    public required Guid ExecutionId { get; init; }
    public required string StepId { get; init; }
    /// <summary>Path of the step within nested playbooks, e.g. <c>deploy/login</c>.</summary>
    public required string StepPath { get; init; }
    public required string StepType { get; init; }
    /// <summary>Parameters with templates resolved and values typed according to the schema.</summary>
    public required IReadOnlyDictionary<string, object?> Parameters { get; init; }
    /// <summary>Execution variables; steps may read and set them (<c>{{ variable.x }}</c>).</summary>
    public required IDictionary<string, object?> Variables { get; init; }
    /// <summary>Logger whose lines become execution log events; known secret values are masked.</summary>
    public required ILogger Logger { get; init; }
    public required IArtifactSink Artifacts { get; init; }
    public required IServiceProvider Services { get; init; }
    /// <summary>Services of the engine a step may need (nested playbooks, debug state).</summary>
    public required IStepHost Host { get; init; }
    public int Attempt { get; init; } = 1;
    /// <summary>Objects shared by the steps of this execution and disposed when it ends.</summary>
    public required ExecutionItems Items { get; init; }
    /// <summary>The parameters of the playbook being run (<c>{{ parameter.x }}</c>), after binding.</summary>
    public IReadOnlyDictionary<string, object?> PlaybookParameters { get; init; } = Empty;
    /// <summary>Outputs of the steps of this playbook that completed so far, by step id (<c>{{ step.id.output }}</c>).</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, object?>> StepOutputs { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, object?>>();

    /// <summary>The execution's credentials by name (field → value), as <c>{{ credential.name.field }}</c> reads them.
    /// Their values are masked in every event and log line; a step must not put them in its outputs.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Credentials { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, string>>();

    private static readonly IReadOnlyDictionary<string, object?> Empty = new Dictionary<string, object?>();

    public T? Get<T>(string name)
    {
        if (!Parameters.TryGetValue(name, out var value) || value is null) return default;
        if (value is T typed) return typed;
        return (T)Convert.ChangeType(value, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    public string GetRequiredString(string name) =>
        Get<string>(name) ?? throw new StepParameterException(name, $"parameter '{name}' is required");
}

/// <summary>Thrown by a step when a parameter is unusable; reported as a step failure naming the parameter.</summary>
public sealed class StepParameterException(string parameter, string message) : Exception(message)
{
    public string Parameter { get; } = parameter;
}
