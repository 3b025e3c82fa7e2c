using IgnitionToolkit.Core.Playbooks;

namespace IgnitionToolkit.Testing.Engine;

/// <summary>Builds playbooks in code for tests.</summary>
public static class Playbooks
{
    public static PlaybookStep Step(string id, string type, object? parameters = null, FailureAction onFailure = FailureAction.Abort,
        double timeoutSeconds = 300, int retryCount = 0, double retryDelaySeconds = 0) =>
        new(id, id, type, ToDictionary(parameters), onFailure, TimeSpan.FromSeconds(timeoutSeconds), retryCount,
            TimeSpan.FromSeconds(retryDelaySeconds), new SourceLocation("test.yaml", 1, 1));

    public static Playbook Of(params PlaybookStep[] steps) => Of([], steps);

    public static Playbook Of(IReadOnlyList<PlaybookParameter> parameters, params PlaybookStep[] steps) =>
        new("test", "1.0", null, parameters, steps, new Dictionary<string, object?>(), "test.yaml");

    /// <summary>Anonymous objects (<c>new { seconds = 1.0 }</c>) and dictionaries become step parameters.</summary>
    public static IReadOnlyDictionary<string, object?> ToDictionary(object? parameters) => parameters switch
    {
        null => new Dictionary<string, object?>(),
        IReadOnlyDictionary<string, object?> d => d,
        _ => parameters.GetType().GetProperties().ToDictionary(p => p.Name, p => p.GetValue(parameters)),
    };
}
